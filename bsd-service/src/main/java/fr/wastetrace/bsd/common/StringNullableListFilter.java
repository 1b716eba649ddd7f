package fr.wastetrace.bsd.common;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A filter on a list of texts: equal to, has one, has every, has some, or has an item containing a text. */
@Input("StringNullableListFilter")
public class StringNullableListFilter {
    public List<@NonNull String> _eq;
    public String _has;
    public List<@NonNull String> _hasEvery;
    public List<@NonNull String> _hasSome;
    /** Same as {@code _hasSome}. */
    @Deprecated
    public List<@NonNull String> _in;
    public String _itemContains;
}
