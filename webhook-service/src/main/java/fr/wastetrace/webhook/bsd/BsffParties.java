package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.bsd.BsffEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * BSFF ({@code Bsff} shape): its {@code id} is its readable id; the companies of every role and the holders of its
 * intervention sheets, not those of the BSFFs whose containers it takes over.
 */
@ApplicationScoped
public class BsffParties implements BsdParties {
    private static final List<String> PARTY_FIELDS = List.of("emitter", "transporter", "transporters", "destination", "ficheInterventions");

    @Override
    public String aggregateType() {
        return BsffEvents.AGGREGATE_TYPE;
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
