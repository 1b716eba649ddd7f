package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.bsd.BsdaEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * BSDA ({@code Bsda} shape): its {@code id} is its readable id; the companies of every role (the next destination
 * after a temporary storage included), not those of the BSDAs it groups or forwards.
 */
@ApplicationScoped
public class BsdaParties implements BsdParties {
    private static final List<String> PARTY_FIELDS = List.of("emitter", "ecoOrganisme", "worker", "transporter", "transporters", "destination", "broker",
            "intermediaries");

    @Override
    public String aggregateType() {
        return BsdaEvents.AGGREGATE_TYPE;
    }

    @Override
    public String readableId(JsonNode state) {
        return state.path("id").asText(null);
    }

    @Override
    public Set<String> orgIds(JsonNode state) {
        return PartyFields.collect(state, PARTY_FIELDS);
    }
}
