package fr.wastetrace.bsd.core.validation;

import fr.wastetrace.subgraph.ApiException;

import java.util.ArrayList;
import java.util.List;

/** Collects every failure of a validation step, so that the client learns all it has to fix at once. */
public final class Problems {
    private final List<String> messages = new ArrayList<>();

    public Problems add(String message) {
        if (!messages.contains(message)) {
            messages.add(message);
        }
        return this;
    }

    /** Adds the message when the condition does not hold. */
    public Problems require(boolean condition, String message) {
        if (!condition) {
            add(message);
        }
        return this;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Throws one {@code BAD_USER_INPUT} error listing every failure, headed by {@code intro} when given. */
    public void throwIfAny(String intro) {
        if (messages.isEmpty()) {
            return;
        }
        String list = String.join("\n", messages);
        throw new ApiException.BadUserInput(intro == null ? list : intro + "\n" + list);
    }
}
