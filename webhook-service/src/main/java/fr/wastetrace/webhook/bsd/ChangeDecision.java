package fr.wastetrace.webhook.bsd;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which companies hear of a BSD change, and as what, as the reference API tells them: a BSD seen for the first time
 * is {@code CREATED} for its companies; a change is {@code UPDATED} for the companies on it and for those it no longer
 * names (added and removed companies get {@code UPDATED} too); a deletion is {@code DELETED} for the companies of its
 * last state and of the state before.
 */
public final class ChangeDecision {
    public enum Action { CREATED, UPDATED, DELETED }

    private ChangeDecision() {
    }

    /**
     * @param previous the companies of the last state seen, empty when the BSD was never seen
     * @param current  the companies of the new state
     * @param deleted  the change is the BSD's deletion
     * @param isFirstVersion the change is the BSD's first version (a BSD first seen at a later version, because this
     *                       component started after its creation, is {@code UPDATED}, not {@code CREATED})
     */
    public static Map<String, Action> decide(Optional<Set<String>> previous, Set<String> current, boolean deleted,
                                             boolean isFirstVersion) {
        Map<String, Action> actions = new TreeMap<>();
        Set<String> before = previous.orElse(Set.of());
        if (deleted) {
            before.forEach(orgId -> actions.put(orgId, Action.DELETED));
            current.forEach(orgId -> actions.put(orgId, Action.DELETED));
            return actions;
        }
        Action onTheBsd = previous.isEmpty() && isFirstVersion ? Action.CREATED : Action.UPDATED;
        before.forEach(orgId -> actions.put(orgId, Action.UPDATED));
        current.forEach(orgId -> actions.put(orgId, onTheBsd));
        return actions;
    }
}
