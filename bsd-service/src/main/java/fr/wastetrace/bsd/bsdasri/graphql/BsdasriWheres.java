package fr.wastetrace.bsd.bsdasri.graphql;

import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.bsd.bsdasri.model.BsdasriType;
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

/** The filters of {@code bsdasris}; all those given must hold. */
public final class BsdasriWheres {
    private BsdasriWheres() {
    }

    @Input("BsdasriWhere")
    public static class BsdasriWhere {
        public List<@NonNull BsdasriWhere> _and;
        public List<@NonNull BsdasriWhere> _or;
        public BsdasriWhere _not;
        public IdFilter id;
        public BsdasriStatusFilter status;
        public BsdasriTypeFilter type;
        @Name("isDraft") public Boolean isDraft;
        public DateFilter createdAt;
        public DateFilter updatedAt;
        public Boolean groupable;
        public BsdasriEmitterWhere emitter;
        public BsdasriTransporterWhere transporter;
        public BsdasriDestinationWhere destination;
        public BsdasriContainersNumbersWhere identification;
    }

    @Input("BsdasriStatusFilter")
    public static class BsdasriStatusFilter {
        public BsdasriStatus _eq;
        public List<@NonNull BsdasriStatus> _in;
    }

    @Input("BsdasriTypeFilter")
    public static class BsdasriTypeFilter {
        public BsdasriType _eq;
        public List<@NonNull BsdasriType> _in;
    }

    @Input("BsdasriEmitterWhere")
    public static class BsdasriEmitterWhere {
        public CompanyWhere company;
        public BsdasriEmissionWhere emission;
    }

    @Input("BsdasriEmissionWhere")
    public static class BsdasriEmissionWhere {
        public SignatureWhere signature;
    }

    @Input("BsdasriTransporterWhere")
    public static class BsdasriTransporterWhere {
        public CompanyWhere company;
        public BsdasriTransportWhere transport;
    }

    @Input("BsdasriTransportWhere")
    public static class BsdasriTransportWhere {
        public SignatureWhere signature;
    }

    @Input("BsdasriDestinationWhere")
    public static class BsdasriDestinationWhere {
        public CompanyWhere company;
        public BsdasriReceptionWhere reception;
        public BsdasriOperationWhere operation;
    }

    @Input("BsdasriReceptionWhere")
    public static class BsdasriReceptionWhere {
        public DateFilter date;
        public SignatureWhere signature;
    }

    @Input("BsdasriOperationWhere")
    public static class BsdasriOperationWhere {
        public StringFilter code;
        public DateFilter date;
        public SignatureWhere signature;
    }

    @Input("BsdasriContainersNumbersWhere")
    public static class BsdasriContainersNumbersWhere {
        public StringNullableListFilter numbers;
    }
}
