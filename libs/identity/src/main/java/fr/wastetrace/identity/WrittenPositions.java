package fr.wastetrace.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Read-your-writes: the positions of the events a write committed, for the users whose view it changed. The owner
 * service answers them in the header {@link #HEADER} ({@code {"<subject>": {"<key>": <version>}}}); the gateway keeps
 * them per user and hands them back to every subgraph in {@link CallerIdentity#awaited()}. A key names one aggregate
 * of the event stream ({@code company:<id>}); its value is the aggregate's version after the write.
 */
public final class WrittenPositions {
    public static final String HEADER = "X-Wastetrace-Written";
    public static final String COMPANY = "company:";
    /** A revoked personal access token: the gateway forgets its cached resolution (its value is always 1). */
    public static final String ACCESS_TOKEN = "accessToken:";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WrittenPositions() {
    }

    public static String company(String companyId) {
        return COMPANY + companyId;
    }

    public static String accessToken(String tokenId) {
        return ACCESS_TOKEN + tokenId;
    }

    public static String format(Map<String, Map<String, Long>> bySubject) {
        ObjectNode root = MAPPER.createObjectNode();
        bySubject.forEach((subject, positions) -> {
            ObjectNode node = root.putObject(subject);
            positions.forEach(node::put);
        });
        return root.toString();
    }

    /** The positions of a header, by subject; empty when it is missing or malformed. */
    public static Map<String, Map<String, Long>> parse(String header) {
        Map<String, Map<String, Long>> bySubject = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return bySubject;
        }
        try {
            JsonNode root = MAPPER.readTree(header);
            if (root == null || !root.isObject()) {
                return bySubject;
            }
            root.fields().forEachRemaining(subject -> {
                Map<String, Long> positions = new LinkedHashMap<>();
                subject.getValue().fields().forEachRemaining(p -> {
                    if (p.getValue().canConvertToLong() && p.getValue().asLong() > 0) {
                        positions.put(p.getKey(), p.getValue().asLong());
                    }
                });
                if (!positions.isEmpty()) {
                    bySubject.put(subject.getKey(), positions);
                }
            });
        } catch (IOException e) {
            bySubject.clear();
        }
        return bySubject;
    }

    /** {@code into} raised to {@code positions}: a key keeps the highest version either holds. */
    public static Map<String, Long> raise(Map<String, Long> into, Map<String, Long> positions) {
        Map<String, Long> raised = new HashMap<>(into);
        positions.forEach((key, version) -> raised.merge(key, version, Math::max));
        return raised;
    }
}
