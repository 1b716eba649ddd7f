package fr.wastetrace.bsd.core.search;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The tabs of one BSD, built as the reference does: every company on it starts in {@link BsdTab#FOLLOW}, the type's
 * rules then move roles (emitter, transporter n, destination…) to another tab. A company with two roles is in the
 * tabs of both.
 */
public final class BsdTabs {
    private final Map<String, String> orgIdByRole = new LinkedHashMap<>();
    private final Map<String, BsdTab> tabByRole = new LinkedHashMap<>();

    /** A company on the BSD in {@code role}; no company (null) is no role. */
    public BsdTabs role(String role, String orgId) {
        if (orgId != null && !orgId.isBlank()) {
            orgIdByRole.put(role, orgId);
            tabByRole.put(role, BsdTab.FOLLOW);
        }
        return this;
    }

    /** Moves {@code role} (when the BSD has it) to {@code tab}. */
    public BsdTabs set(String role, BsdTab tab) {
        tabByRole.computeIfPresent(role, (r, t) -> tab);
        return this;
    }

    /** Moves every role to {@code tab}. */
    public BsdTabs all(BsdTab tab) {
        tabByRole.replaceAll((r, t) -> tab);
        return this;
    }

    /** Keeps only the roles held by these companies (a draft is seen by its creator's companies only). */
    public BsdTabs onlyFor(Set<String> orgIds) {
        orgIdByRole.entrySet().removeIf(e -> !orgIds.contains(e.getValue()));
        tabByRole.keySet().retainAll(orgIdByRole.keySet());
        return this;
    }

    /** The role of the n-th transporter (from 0) of a chain. */
    public static String transporter(int index) {
        return "transporter" + index;
    }

    /**
     * A BSD on its way along a chain of transporters (reference multimodal rule): to act on for the destination, unless
     * it is the next transporter; collected for the last transporter who took it over; to collect for the next one
     * once the previous one took it over.
     */
    public BsdTabs sentAlong(String destinationRole, String destinationOrgId, List<String> transporterOrgIds,
                             List<Boolean> tookOver) {
        int next = tookOver.indexOf(false);
        if (next < 0 || !Objects.equals(transporterOrgIds.get(next), destinationOrgId)) {
            set(destinationRole, BsdTab.FOR_ACTION);
        }
        int last = next < 0 ? tookOver.size() - 1 : next - 1;
        if (last >= 0) {
            set(transporter(last), BsdTab.COLLECTED);
        }
        if (next > 0) {
            set(transporter(next), BsdTab.TO_COLLECT);
        }
        return this;
    }

    public Map<BsdTab, Set<String>> byTab() {
        Map<BsdTab, Set<String>> tabs = new EnumMap<>(BsdTab.class);
        for (BsdTab tab : BsdTab.values()) {
            tabs.put(tab, new LinkedHashSet<>());
        }
        tabByRole.forEach((role, tab) -> tabs.get(tab).add(orgIdByRole.get(role)));
        return tabs;
    }

    public Set<String> orgIds() {
        return new LinkedHashSet<>(orgIdByRole.values());
    }
}
