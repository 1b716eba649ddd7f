package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * What deliveries need of one BSD type's state: its readable id (the {@code id} of the webhook body) and the
 * companies on it (their orgIds: SIRET, or VAT number for a foreign company). One per BSD type, picked by the
 * events' aggregate type: the BSDD's is a bean, each core type is a {@link FieldParties} (a new type adds one there).
 */
public interface BsdParties {
    /** The aggregate type of the type's events, e.g. {@code bsdd}. */
    String aggregateType();

    String readableId(JsonNode state);

    Set<String> orgIds(JsonNode state);
}
