package fr.wastetrace.bsd.bsdd.revision.graphql;

import fr.wastetrace.bsd.bsdd.BsddEditing;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequest;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestConnection;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestContent;
import fr.wastetrace.bsd.bsdd.revision.BsddRevisionService;
import fr.wastetrace.bsd.bsdd.revision.RevisionQueries;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The revision-request operations of BSDDs. */
@GraphQLApi
public class BsddRevisionApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    BsddRevisionService service;
    @Inject
    RevisionQueries queries;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("formRevisionRequests")
    @Description("Renvoie les demandes de révision de BSDD qu'un établissement a faites ou auxquelles il doit répondre, "
            + "de la plus récente à la plus ancienne (50 au plus par page).")
    public @NonNull FormRevisionRequestConnection formRevisionRequests(@Name("siret") @NonNull String siret,
                                                                       @Name("where") FormRevisionRequestWhere where,
                                                                       @Name("after") String after,
                                                                       @Name("first") Integer first) {
        return queries.list(caller(), siret, where == null ? null : where.status, where == null ? null : where.bsddId,
                after, first);
    }

    @Mutation("createFormRevisionRequest")
    @Description("Demande la révision (modification ou annulation) d'un BSDD déjà signé ; les autres entreprises du "
            + "bordereau doivent l'approuver.")
    public @NonNull FormRevisionRequest createFormRevisionRequest(
            @Name("input") @NonNull CreateFormRevisionRequestInput input) {
        return service.create(caller(), input.formId, input.authoringCompanySiret, input.comment, content(input.content));
    }

    @Mutation("submitFormRevisionRequestApproval")
    @Description("Approuve ou refuse une demande de révision, pour l'entreprise dont la réponse est attendue ; id est "
            + "l'identifiant de la demande de révision.")
    public @NonNull FormRevisionRequest submitFormRevisionRequestApproval(@Name("id") @NonNull @Id String id,
                                                                          @Name("isApproved") boolean isApproved,
                                                                          @Name("comment") String comment) {
        return service.answer(caller(), id, isApproved, comment);
    }

    @Mutation("cancelFormRevisionRequest")
    @Description("Retire une demande de révision encore en attente ; seule l'entreprise qui l'a faite le peut.")
    public boolean cancelFormRevisionRequest(@Name("id") @NonNull @Id String id) {
        return service.cancel(caller(), id);
    }

    private static FormRevisionRequestContent content(FormRevisionRequestContentInput input) {
        FormRevisionRequestContent content = EventCodec.mapper().convertValue(input, FormRevisionRequestContent.class);
        if (input.wasteDetails != null && input.wasteDetails.packagingInfos != null) {
            content.wasteDetails.packagingInfos = BsddEditing.packagingInfos(input.wasteDetails.packagingInfos);
        }
        content.isCanceled = Boolean.TRUE.equals(input.isCanceled);
        return content;
    }
}
