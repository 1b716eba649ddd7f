package fr.wastetrace.bsd.core.permission;

import fr.wastetrace.subgraph.ApiException;

/**
 * The two answers of every BSD type to a caller who names a BSD it cannot use, as the reference API gives them: a BSD
 * that does not exist (or was deleted) is a {@code BAD_USER_INPUT}; one that exists but that none of the caller's
 * companies may see is a {@code FORBIDDEN}. The reference tells the two apart, and clients rely on it, so we do too.
 */
public final class BsdAccess {
    /** The reference's message for a BSD the caller may not see (spec bsdd.md §9, S12). */
    public static final String FORBIDDEN = "Vous n'êtes pas autorisé à accéder à ce bordereau";

    private BsdAccess() {
    }

    /** The BSD does not exist, or was deleted. */
    public static ApiException notFound(String id) {
        return new ApiException.BadUserInput("Le bordereau avec l'identifiant \"" + id + "\" n'existe pas.");
    }

    /** The BSD exists, but none of the caller's companies may see it (not on it, or a draft of other companies). */
    public static ApiException forbidden() {
        return new ApiException.Forbidden(FORBIDDEN);
    }
}
