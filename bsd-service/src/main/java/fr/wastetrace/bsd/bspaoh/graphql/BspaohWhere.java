package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.common.DateFilter;
import fr.wastetrace.bsd.common.IdFilter;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A filter on BSPAOH; every filter given must hold. */
@Input("BspaohWhere")
public class BspaohWhere {
    public List<@NonNull BspaohWhere> _and;
    public BspaohWhere _not;
    public List<@NonNull BspaohWhere> _or;
    public DateFilter createdAt;
    public BspaohDestinationWhere destination;
    public BspaohEmitterWhere emitter;
    public IdFilter id;
    public Boolean isDraft;
    public BspaohStatusFilter status;
    public BspaohTransporterWhere transporter;
    public DateFilter updatedAt;
}
