package fr.wastetrace.bsd.core.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies a client's partial input to a stored document: objects merge field by field, anything else (a value, a
 * list) replaces what was there; a field the input does not give is kept.
 */
public final class JsonMerge {
    private JsonMerge() {
    }

    public static ObjectNode merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(e -> {
            JsonNode current = target.get(e.getKey());
            if (current instanceof ObjectNode currentObject && e.getValue().isObject()) {
                merge(currentObject, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return target;
    }
}
