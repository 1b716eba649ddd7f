package fr.wastetrace.bsd.core.search;

import fr.wastetrace.bsd.common.DateFilter;
import fr.wastetrace.graphql.StringFilter;
import fr.wastetrace.bsd.common.StringNullableListFilter;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A search across every BSD type: the tabs (companies for which a BSD is a draft, to act on, to follow, archived, to collect, collected, to return, in revision) and the common fields; every filter given must hold. */
@Input("BsdWhere")
public class BsdWhere {
    public List<@NonNull BsdWhere> _and;
    public List<@NonNull BsdWhere> _or;
    public BsdBrokerWhere broker;
    public BsdSubTypeFilter bsdSubType;
    public TextFilter companyNames;
    public StringNullableListFilter companyOrgIds;
    public DateFilter createdAt;
    public StringFilter customId;
    public BsdDestinationWhere destination;
    public BsdEcoOrganismeWhere ecoOrganisme;
    public BsdEmitterWhere emitter;
    public StringNullableListFilter ficheInterventionNumbers;
    public StringFilter id;
    public StringNullableListFilter identificationNumbers;
    public List<@NonNull String> isArchivedFor;
    public List<@NonNull String> isCollectedFor;
    public List<@NonNull String> isDraftFor;
    public List<@NonNull String> isEmittedRevisionFor;
    public List<@NonNull String> isFollowFor;
    public List<@NonNull String> isForActionFor;
    public List<@NonNull String> isPendingRevisionFor;
    public List<@NonNull String> isReceivedRevisionFor;
    public List<@NonNull String> isReturnFor;
    public List<@NonNull String> isReviewedRevisionFor;
    public List<@NonNull String> isToCollectFor;
    public StringNullableListFilter packagingNumbers;
    public StringFilter readableId;
    public StringNullableListFilter sealNumbers;
    public StringNullableListFilter sirets;
    public StringFilter status;
    public BsdTraderWhere trader;
    public BsdTransporterWhere transporter;
    public BsdTypeFilter type;
    public DateFilter updatedAt;
    public BsdWasteWhere waste;
    public BsdWorkerWhere worker;
}
