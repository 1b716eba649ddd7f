package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the companies under some top-level fields of a BSD state: every object found there (however nested: a
 * {@code company}, a list of transporters, a temporary storage's destination) that carries an {@code orgId}, a
 * {@code siret} or a {@code vatNumber} names one company, by the first of these that is filled.
 */
public final class PartyFields {
    private PartyFields() {
    }

    public static Set<String> collect(JsonNode state, List<String> fields) {
        Set<String> orgIds = new TreeSet<>();
        for (String field : fields) {
            collect(state.path(field), orgIds);
        }
        return orgIds;
    }

    private static void collect(JsonNode node, Set<String> orgIds) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, orgIds));
        } else if (node.isObject()) {
            String orgId = firstText(node, "orgId", "siret", "vatNumber");
            if (orgId != null) {
                orgIds.add(orgId);
            }
            node.forEach(child -> collect(child, orgIds));
        }
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText().replace(" ", "").trim();
            }
        }
        return null;
    }
}
