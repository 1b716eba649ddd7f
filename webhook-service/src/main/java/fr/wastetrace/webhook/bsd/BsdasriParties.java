package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.bsd.BsdasriEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * BSDASRI ({@code Bsdasri} shape): its {@code id} is its readable id; the companies of every role, not those of the
 * DASRIs it groups or synthesizes.
 */
@ApplicationScoped
public class BsdasriParties implements BsdParties {
    private static final List<String> PARTY_FIELDS = List.of("emitter", "ecoOrganisme", "transporter", "destination");

    @Override
    public String aggregateType() {
        return BsdasriEvents.AGGREGATE_TYPE;
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
