package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.bsd.BsddEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/** BSDD ({@code Form} shape): readable id {@code readableId}; the companies of every role, temporary storage included. */
@ApplicationScoped
public class BsddParties implements BsdParties {
    private static final List<String> PARTY_FIELDS = List.of("emitter", "recipient", "transporter", "transporters",
            "trader", "broker", "ecoOrganisme", "intermediaries", "temporaryStorageDetail");

    @Override
    public String aggregateType() {
        return BsddEvents.AGGREGATE_TYPE;
    }

    @Override
    public String readableId(JsonNode state) {
        return state.path("readableId").asText(null);
    }

    @Override
    public Set<String> orgIds(JsonNode state) {
        return PartyFields.collect(state, PARTY_FIELDS);
    }
}
