package fr.wastetrace.bsd.core.mutation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.events.EventCodec;

/** A client's input as the status log records it: the fields it gave, without the nulls of those it left out. */
public final class Patches {
    private static final ObjectMapper NON_NULL = EventCodec.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Patches() {
    }

    /** The input's given fields as a tree (an object node for an input object). */
    public static <T extends JsonNode> T of(Object input) {
        return NON_NULL.valueToTree(input);
    }
}
