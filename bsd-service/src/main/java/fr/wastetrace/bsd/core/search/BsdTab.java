package fr.wastetrace.bsd.core.search;

/**
 * The dashboard tabs of the reference ({@code BsdWhere.is…For}): for each company on a BSD, the one tab the BSD is in.
 * The revision tabs (emitted, received, reviewed, pending) come from revision requests, which no projected type
 * carries yet: they match nothing.
 */
public enum BsdTab {
    DRAFT("is_draft_for"),
    FOR_ACTION("is_for_action_for"),
    FOLLOW("is_follow_for"),
    ARCHIVED("is_archived_for"),
    TO_COLLECT("is_to_collect_for"),
    COLLECTED("is_collected_for"),
    RETURN("is_return_for");

    private final String column;

    BsdTab(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
