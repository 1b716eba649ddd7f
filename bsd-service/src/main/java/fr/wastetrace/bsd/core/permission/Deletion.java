package fr.wastetrace.bsd.core.permission;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Who may delete a BSD, for every type: a draft or a BSD nobody signed, any company on it (its members with the
 * delete permission); a BSD only its first signer signed (the emitter), that company alone; afterwards nobody. A
 * deleted BSD is kept (is_deleted) but no longer visible.
 */
public final class Deletion {
    public static final String ONLY_BEFORE_PICKUP = "Seuls les bordereaux en brouillon ou en attente de collecte peuvent "
            + "être supprimés";
    public static final String NOT_ALLOWED = "Vous n'êtes pas autorisé à supprimer ce bordereau.";

    private Deletion() {
    }

    /**
     * @param signatures  how many signatures the BSD holds
     * @param firstSigner the company of the first signature, when it is the only one
     */
    public static Set<String> allowedOrgIds(int signatures, Collection<String> onIt, String firstSigner) {
        if (signatures == 0) {
            return Set.copyOf(onIt.stream().filter(Objects::nonNull).toList());
        }
        if (signatures == 1 && firstSigner != null) {
            return Set.of(firstSigner);
        }
        return Set.of();
    }

    public static String refusal(int signatures) {
        return signatures == 0 ? NOT_ALLOWED : ONLY_BEFORE_PICKUP;
    }
}
