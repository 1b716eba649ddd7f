package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.bsd.BsvhuEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/** BSVHU ({@code Bsvhu} shape): its {@code id} is its readable id; the companies of every role. */
@ApplicationScoped
public class BsvhuParties implements BsdParties {
    private static final List<String> PARTY_FIELDS = List.of("emitter", "ecoOrganisme", "destination", "transporter",
            "transporters", "broker", "trader", "intermediaries");

    @Override
    public String aggregateType() {
        return BsvhuEvents.AGGREGATE_TYPE;
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
