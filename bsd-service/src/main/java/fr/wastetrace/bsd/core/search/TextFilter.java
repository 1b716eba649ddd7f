package fr.wastetrace.bsd.core.search;

import org.eclipse.microprofile.graphql.Input;

/** A full-text filter: the words of _match, in any case. */
@Input("TextFilter")
public class TextFilter {
    public String _match;
}
