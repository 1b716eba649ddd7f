package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.bsd.BsdaEvents;
import fr.wastetrace.events.bsd.BsdasriEvents;
import fr.wastetrace.events.bsd.BsffEvents;
import fr.wastetrace.events.bsd.BspaohEvents;
import fr.wastetrace.events.bsd.BsvhuEvents;

import java.util.List;
import java.util.Set;

/**
 * The parties of a BSD type stored by bsd-service's core: its state's {@code id} is its readable id, and its companies
 * are those under the role fields listed (however nested: a next destination, the holders of intervention sheets),
 * never under the copies of other documents a grouping or a synthesis holds ({@code grouping}, {@code forwarding}...,
 * which are not listed).
 */
public record FieldParties(String aggregateType, List<String> partyFields) implements BsdParties {
    public static final FieldParties BSVHU = new FieldParties(BsvhuEvents.AGGREGATE_TYPE, List.of("emitter",
            "ecoOrganisme", "destination", "transporter", "transporters", "broker", "trader", "intermediaries"));
    public static final FieldParties BSDA = new FieldParties(BsdaEvents.AGGREGATE_TYPE, List.of("emitter",
            "ecoOrganisme", "worker", "transporter", "transporters", "destination", "broker", "intermediaries"));
    public static final FieldParties BSDASRI = new FieldParties(BsdasriEvents.AGGREGATE_TYPE, List.of("emitter",
            "ecoOrganisme", "transporter", "destination"));
    public static final FieldParties BSFF = new FieldParties(BsffEvents.AGGREGATE_TYPE, List.of("emitter",
            "transporter", "transporters", "destination", "ficheInterventions"));
    public static final FieldParties BSPAOH = new FieldParties(BspaohEvents.AGGREGATE_TYPE, List.of("emitter",
            "transporter", "transporters", "destination"));

    /** Every core type, registered by {@link BsdTypes} beside the BSDD's own bean. */
    public static final List<FieldParties> CORE_TYPES = List.of(BSVHU, BSDA, BSDASRI, BSFF, BSPAOH);

    public FieldParties {
        partyFields = List.copyOf(partyFields);
    }

    @Override
    public String readableId(JsonNode state) {
        return state.path("id").asText(null);
    }

    @Override
    public Set<String> orgIds(JsonNode state) {
        return PartyFields.collect(state, partyFields);
    }
}
