package fr.wastetrace.bsd.bsff.graphql;

import fr.wastetrace.bsd.bsff.model.BsffOperationCode;
import fr.wastetrace.bsd.bsff.model.BsffStatus;
import fr.wastetrace.bsd.common.CompanyWhere;
import fr.wastetrace.bsd.common.DateFilter;
import fr.wastetrace.bsd.common.IdFilter;
import fr.wastetrace.bsd.common.SignatureWhere;
import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** The filters of {@code bsffs} and {@code bsffPackagings}; all those given must hold. */
public final class BsffWheres {
    private BsffWheres() {
    }

    @Input("BsffWhere")
    public static class BsffWhere {
        public List<@NonNull BsffWhere> _and;
        public List<@NonNull BsffWhere> _or;
        public BsffWhere _not;
        public IdFilter id;
        public BsffStatusFilter status;
        @Name("isDraft") public Boolean isDraft;
        public DateFilter createdAt;
        public DateFilter updatedAt;
        public BsffEmitterWhere emitter;
        public BsffTransporterWhere transporter;
        public BsffDestinationWhere destination;
        public BsffPackagingsWhere packagings;
        public BsffFicheInterventionWhere ficheInterventions;
    }

    @Input("BsffStatusFilter")
    public static class BsffStatusFilter {
        public BsffStatus _eq;
        public List<@NonNull BsffStatus> _in;
    }

    @Input("BsffEmitterWhere")
    public static class BsffEmitterWhere {
        public CompanyWhere company;
        public BsffEmissionWhere emission;
    }

    @Input("BsffEmissionWhere")
    public static class BsffEmissionWhere {
        public SignatureWhere signature;
    }

    @Input("BsffTransporterWhere")
    public static class BsffTransporterWhere {
        public CompanyWhere company;
        public BsffTransportWhere transport;
    }

    @Input("BsffTransportWhere")
    public static class BsffTransportWhere {
        public SignatureWhere signature;
    }

    @Input("BsffDestinationWhere")
    public static class BsffDestinationWhere {
        public CompanyWhere company;
    }

    @Input("BsffPackagingsWhere")
    public static class BsffPackagingsWhere {
        public StringFilter numero;
        public BsffWhere bsff;
    }

    @Input("BsffFicheInterventionWhere")
    public static class BsffFicheInterventionWhere {
        public StringFilter numero;
        public BsffDetenteurWhere detenteur;
    }

    @Input("BsffDetenteurWhere")
    public static class BsffDetenteurWhere {
        public CompanyWhere company;
    }

    @Input("BsffPackagingWhere")
    public static class BsffPackagingWhere {
        public List<@NonNull BsffPackagingWhere> _and;
        public List<@NonNull BsffPackagingWhere> _or;
        public BsffPackagingWhere _not;
        public IdFilter id;
        public StringFilter numero;
        public BsffPackagingAcceptationWhere acceptation;
        public BsffPackagingOperationWhere operation;
        public BsffWhere bsff;
        public BsffWhere nextBsff;
    }

    @Input("BsffPackagingAcceptationWhere")
    public static class BsffPackagingAcceptationWhere {
        public StringFilter wasteCode;
        public SignatureWhere signature;
    }

    @Input("BsffPackagingOperationWhere")
    public static class BsffPackagingOperationWhere {
        public BsffOperationCodeFilter code;
        @Name("noTraceability") public Boolean noTraceability;
        public SignatureWhere signature;
    }

    @Input("BsffOperationCodeFilter")
    public static class BsffOperationCodeFilter {
        public BsffOperationCode _eq;
        public List<@NonNull BsffOperationCode> _in;
    }
}
