package fr.wastetrace.registry.query;

import fr.wastetrace.subgraph.ApiException;

/**
 * Cursor pagination as the legacy registers do it: forward (ascending date, then id) with {@code first}/{@code after},
 * backward (descending) with {@code last}/{@code before}; 50 lines by default, at most 100. A cursor is a line's id.
 */
public record Pagination(int size, boolean backward, String cursor) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;

    public static Pagination of(Integer first, String after, Integer last, String before) {
        if (first != null && last != null) {
            throw new ApiException.BadUserInput("Utilisez soit first (avec after), soit last (avec before), pas les deux.");
        }
        if ((first != null && before != null) || (last != null && after != null) || (after != null && before != null)) {
            throw new ApiException.BadUserInput("after s'utilise avec first, et before avec last.");
        }
        boolean backward = last != null || before != null;
        Integer requested = backward ? last : first;
        int size = requested == null ? DEFAULT_SIZE : requested;
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiException.BadUserInput((backward ? "last" : "first") + " doit être compris entre 1 et " + MAX_SIZE + ".");
        }
        return new Pagination(size, backward, backward ? before : after);
    }
}
