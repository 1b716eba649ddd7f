package fr.wastetrace.bsd.bsda.graphql;

import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.common.CompanyWhere;
import fr.wastetrace.bsd.common.DateFilter;
import fr.wastetrace.bsd.common.IdFilter;
import fr.wastetrace.bsd.common.SignatureWhere;
import fr.wastetrace.graphql.StringFilter;
import fr.wastetrace.bsd.common.StringNullableListFilter;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** The filters of {@code bsdas}; all those given must hold. */
public final class BsdaWheres {
    private BsdaWheres() {
    }

    @Input("BsdaWhere")
    public static class BsdaWhere {
        public List<@NonNull BsdaWhere> _and;
        public List<@NonNull BsdaWhere> _or;
        public BsdaWhere _not;
        public IdFilter id;
        public BsdaStatusFilter status;
        @Name("isDraft") public Boolean isDraft;
        public DateFilter createdAt;
        public DateFilter updatedAt;
        public BsdaEmitterWhere emitter;
        public BsdaWorkerWhere worker;
        public BsdaTransporterWhere transporter;
        public BsdaDestinationWhere destination;
        public BsdaBrokerWhere broker;
        public BsdaWasteWhere waste;
        public IdFilter groupedIn;
        public IdFilter forwardedIn;
    }

    @Input("BsdaStatusFilter")
    public static class BsdaStatusFilter {
        public BsdaStatus _eq;
        public List<@NonNull BsdaStatus> _in;
    }

    @Input("BsdaEmissionWhere")
    public static class BsdaEmissionWhere {
        public SignatureWhere signature;
    }

    @Input("BsdaEmitterWhere")
    public static class BsdaEmitterWhere {
        public CompanyWhere company;
        public StringFilter customInfo;
        public BsdaEmissionWhere emission;
    }

    @Input("BsdaWorkWhere")
    public static class BsdaWorkWhere {
        public SignatureWhere signature;
    }

    @Input("BsdaWorkerWhere")
    public static class BsdaWorkerWhere {
        public CompanyWhere company;
        public BsdaWorkWhere work;
    }

    @Input("BsdaTransportWhere")
    public static class BsdaTransportWhere {
        public StringNullableListFilter plates;
        public SignatureWhere signature;
    }

    @Input("BsdaTransporterWhere")
    public static class BsdaTransporterWhere {
        public CompanyWhere company;
        public StringFilter customInfo;
        public BsdaTransportWhere transport;
    }

    @Input("BsdaReceptionWhere")
    public static class BsdaReceptionWhere {
        public DateFilter date;
    }

    @Input("BsdaNextDestinationWhere")
    public static class BsdaNextDestinationWhere {
        public CompanyWhere company;
    }

    @Input("BsdaOperationWhere")
    public static class BsdaOperationWhere {
        public StringFilter code;
        public SignatureWhere signature;
        public BsdaNextDestinationWhere nextDestination;
    }

    @Input("BsdaDestinationWhere")
    public static class BsdaDestinationWhere {
        public CompanyWhere company;
        public StringFilter customInfo;
        public BsdaReceptionWhere reception;
        public BsdaOperationWhere operation;
    }

    @Input("BsdaBrokerWhere")
    public static class BsdaBrokerWhere {
        public CompanyWhere company;
    }

    @Input("BsdaWasteWhere")
    public static class BsdaWasteWhere {
        public StringFilter code;
    }
}
