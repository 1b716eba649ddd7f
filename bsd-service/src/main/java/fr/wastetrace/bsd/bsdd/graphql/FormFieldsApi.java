package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormFraction;
import fr.wastetrace.bsd.bsdd.model.FormMetadata;
import fr.wastetrace.bsd.bsdd.model.InitialForm;
import fr.wastetrace.bsd.bsdd.model.InitialFormFraction;
import fr.wastetrace.bsd.bsdd.model.TransportSegment;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.revision.RevisionQueries;
import io.smallrye.graphql.api.Nullable;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.ArrayList;
import java.util.List;

/**
 * Fields of {@code Form} that relate it to other documents (grouping, revisions, legacy segments). They are resolved
 * apart from the BSDD's own state, which is also its event payload. Grouping is not handled by this service yet:
 * those fields show a BSDD that has none.
 */
@GraphQLApi
public class FormFieldsApi {
    @Inject
    RevisionQueries revisions;

    @Description("Informations sur le bordereau qui n'y sont pas écrites (dernière révision).")
    public @NonNull FormMetadata metadata(@Source Form form) {
        FormMetadata metadata = new FormMetadata();
        metadata.latestRevision = revisions.latest(form.id).orElse(null);
        return metadata;
    }

    @Description("Bordereaux regroupés dans celui-ci, avec la quantité de chacun.")
    @Nullable
    public List<@NonNull InitialFormFraction> grouping(@Source Form form) {
        return List.of();
    }

    @Deprecated
    @Description("Obsolète : utilisez grouping.")
    @Nullable
    public List<@NonNull InitialForm> appendix2Forms(@Source Form form) {
        return List.of();
    }

    @Description("Bordereaux de regroupement dans lesquels celui-ci est regroupé.")
    @Nullable
    public List<@NonNull FormFraction> groupedIn(@Source Form form) {
        return List.of();
    }

    @Description("Quantité de ce bordereau déjà regroupée dans d'autres bordereaux (tonnes).")
    public Double quantityGrouped(@Source Form form) {
        return 0.0;
    }

    @Deprecated
    @Description("Obsolète : utilisez transporters. Les transporteurs 2 à 5, vus comme des segments.")
    @Nullable
    public List<@NonNull TransportSegment> transportSegments(@Source Form form) {
        List<TransportSegment> segments = new ArrayList<>();
        for (int i = 1; i < form.transporters.size(); i++) {
            Transporter previous = form.transporters.get(i - 1);
            Transporter t = form.transporters.get(i);
            TransportSegment s = new TransportSegment();
            s.id = t.id;
            s.previousTransporterCompanySiret = previous.company == null ? null : previous.company.identifier();
            s.transporter = t;
            s.mode = t.mode;
            s.takenOverAt = t.takenOverAt;
            s.takenOverBy = t.takenOverBy;
            s.readyToTakeOver = previous.takenOverAt != null;
            s.segmentNumber = i;
            segments.add(s);
        }
        return segments;
    }
}
