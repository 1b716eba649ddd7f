package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.DateFilter;
import org.eclipse.microprofile.graphql.Input;

/** A filter on the reception. */
@Input("BspaohReceptionWhere")
public class BspaohReceptionWhere {
    public DateFilter date;
}
