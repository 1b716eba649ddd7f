package fr.wastetrace.bsd.core.search;

import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the waste. */
@Input("BsdWasteWhere")
public class BsdWasteWhere {
    public TextFilter adr;
    public StringFilter code;
    public TextFilter description;
}
