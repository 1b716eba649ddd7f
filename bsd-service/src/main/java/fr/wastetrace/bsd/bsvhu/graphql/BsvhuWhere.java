package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.common.DateFilter;
import fr.wastetrace.bsd.common.IdFilter;
import fr.wastetrace.graphql.StringFilter;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The filters of bsvhus; all given must hold. */
@Input("BsvhuWhere")
public class BsvhuWhere {
    public List<@NonNull BsvhuWhere> _and;
    public List<@NonNull BsvhuWhere> _or;
    public BsvhuWhere _not;
    public IdFilter id;
    public BsvhuStatusFilter status;
    public DateFilter createdAt;
    public DateFilter updatedAt;
    public StringFilter customId;
    @Name("isDraft") public Boolean isDraft;
    public BsvhuEmitterWhere emitter;
    public BsvhuTransporterWhere transporter;
    public BsvhuDestinationWhere destination;
    public BsvhuBrokerWhere broker;
    public BsvhuTraderWhere trader;
}
