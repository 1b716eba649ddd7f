package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.bsd.BspaohEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * BSPAOH ({@code Bspaoh} shape): its {@code id} is its readable id; the companies of every role.
 */
@ApplicationScoped
public class BspaohParties implements BsdParties {
    private static final List<String> PARTY_FIELDS = List.of("emitter", "transporter", "transporters", "destination");

    @Override
    public String aggregateType() {
        return BspaohEvents.AGGREGATE_TYPE;
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
