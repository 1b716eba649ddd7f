package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.core.action.WastetraceAllowedActions;
import fr.wastetrace.bsd.core.action.AllowedActionsService;
import fr.wastetrace.bsd.bsdd.GroupingViews;
import fr.wastetrace.bsd.bsdd.SegmentService;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormFraction;
import fr.wastetrace.bsd.bsdd.model.FormMetadata;
import fr.wastetrace.bsd.bsdd.model.InitialForm;
import fr.wastetrace.bsd.bsdd.model.InitialFormFraction;
import fr.wastetrace.bsd.bsdd.model.TransportSegment;
import fr.wastetrace.bsd.bsdd.revision.RevisionQueries;
import fr.wastetrace.bsd.core.history.BsdVersions;
import fr.wastetrace.bsd.core.history.WastetraceBsdVersion;
import fr.wastetrace.events.bsd.BsddEvents;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.Nullable;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/**
 * Fields of {@code Form} that relate it to other documents (grouping, revisions, legacy segments). They are resolved
 * apart from the BSDD's own state, which is also its event payload.
 */
@GraphQLApi
public class BsddFieldsApi {
    @Inject
    BsdVersions versions;
    @Inject
    AllowedActionsService allowedActions;
    @Inject
    SecurityIdentity identity;
    @Inject
    GroupingViews groupings;
    @Inject
    RevisionQueries revisions;

    @Name("wastetraceVersion")
    @Description("La version du bordereau : 1 à sa création, plus 1 à chaque changement (à passer en "
            + "wastetraceExpectedVersion pour ne pas écraser le changement d'un autre).")
    public int wastetraceVersion(@Source Form form) {
        return (int) form.version;
    }

    @Name("wastetraceVersions")
    @Description("Les versions du bordereau, de la plus ancienne à la plus récente : qui, quand, quels champs.")
    public @NonNull List<@NonNull List<@NonNull WastetraceBsdVersion>> wastetraceVersions(
            @Source List<Form> forms) {
        return versions.inOrder(BsddEvents.AGGREGATE_TYPE, forms.stream().map(f -> f.id).toList());
    }

    @Description(WastetraceAllowedActions.FIELD)
    public @NonNull WastetraceAllowedActions wastetraceAllowedActions(@Source Form form) {
        return allowedActions.of("bsdd", form.id, Callers.require(identity));
    }

    @Description("Informations sur le bordereau qui n'y sont pas écrites (dernière révision).")
    public @NonNull FormMetadata metadata(@Source Form form) {
        FormMetadata metadata = new FormMetadata();
        metadata.latestRevision = revisions.latest(form.id).orElse(null);
        return metadata;
    }

    @Description("Bordereaux regroupés dans celui-ci, avec la quantité de chacun.")
    @Nullable
    public List<@NonNull InitialFormFraction> grouping(@Source Form form) {
        return groupings.grouping(Callers.require(identity), form);
    }

    @Deprecated
    @Description("Obsolète : utilisez grouping.")
    @Nullable
    public List<@NonNull InitialForm> appendix2Forms(@Source Form form) {
        return groupings.grouping(Callers.require(identity), form).stream().map(f -> f.form).toList();
    }

    @Description("Bordereaux de regroupement dans lesquels celui-ci est regroupé.")
    @Nullable
    public List<@NonNull FormFraction> groupedIn(@Source Form form) {
        return groupings.groupedIn(form);
    }

    @Description("Quantité de ce bordereau déjà regroupée dans d'autres bordereaux (tonnes).")
    public Double quantityGrouped(@Source Form form) {
        return groupings.quantityGrouped(form);
    }

    @Deprecated
    @Description("Obsolète : utilisez transporters. Les transporteurs 2 à 5, vus comme des segments.")
    @Nullable
    public List<@NonNull TransportSegment> transportSegments(@Source Form form) {
        return SegmentService.segments(form.transporters);
    }
}
