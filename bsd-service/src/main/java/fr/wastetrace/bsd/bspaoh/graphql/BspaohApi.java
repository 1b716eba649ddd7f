package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.core.action.WastetraceAllowedActions;
import fr.wastetrace.bsd.core.action.AllowedActionsService;
import fr.wastetrace.bsd.bspaoh.BspaohQueries;
import fr.wastetrace.bsd.bspaoh.BspaohService;
import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohConnection;
import fr.wastetrace.bsd.bspaoh.model.BspaohMetadata;
import fr.wastetrace.bsd.bspaoh.pdf.BspaohPdfs;
import fr.wastetrace.graphql.FileDownload;
import fr.wastetrace.bsd.core.pdf.PdfLinks;
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
import org.eclipse.microprofile.graphql.Source;

/** The BSPAOH operations of the contract. */
@GraphQLApi
public class BspaohApi {
    @Inject
    AllowedActionsService allowedActions;
    @Inject
    SecurityIdentity identity;
    @Inject
    BspaohService service;
    @Inject
    BspaohQueries queries;
    @Inject
    PdfLinks pdfLinks;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("bspaoh")
    @Description("Renvoie un BSPAOH à partir de son identifiant.")
    public @NonNull Bspaoh bspaoh(@Name("id") @NonNull @Id String id) {
        return queries.bspaoh(caller(), id);
    }

    @Query("bspaohs")
    @Description("Renvoie les BSPAOH visibles par vos établissements, du plus récent au plus ancien (pagination par "
            + "curseur : first/after ou last/before).")
    public @NonNull BspaohConnection bspaohs(@Name("after") @Id String after, @Name("first") Integer first,
                                             @Name("before") @Id String before, @Name("last") Integer last,
                                             @Name("where") BspaohWhere where) {
        return queries.bspaohs(caller(), after, first, before, last, where);
    }

    @Query("bspaohPdf")
    @Description("Renvoie un lien de téléchargement du PDF d'un BSPAOH, valable 10 secondes.")
    public @NonNull FileDownload bspaohPdf(@Name("id") @NonNull @Id String id) {
        CallerIdentity caller = caller();
        queries.bspaoh(caller, id);
        return pdfLinks.link(BspaohPdfs.BSD_TYPE, id, caller);
    }

    @Description(WastetraceAllowedActions.FIELD)
    public @NonNull WastetraceAllowedActions wastetraceAllowedActions(@Source Bspaoh bspaoh) {
        return allowedActions.of("bspaoh", bspaoh.id, Callers.require(identity));
    }

    public @NonNull BspaohMetadata metadata(@Source Bspaoh bspaoh) {
        return queries.metadata(bspaoh);
    }

    @Mutation("createBspaoh")
    @Description("Crée un BSPAOH publié : les informations nécessaires à la signature du producteur sont requises.")
    public @NonNull Bspaoh createBspaoh(@Name("input") @NonNull BspaohInput input) {
        return service.create(caller(), input, false);
    }

    @Mutation("createDraftBspaoh")
    @Description("Crée un BSPAOH en brouillon, visible des seuls établissements du créateur qui y figurent.")
    public @NonNull Bspaoh createDraftBspaoh(@Name("input") @NonNull BspaohInput input) {
        return service.create(caller(), input, true);
    }

    @Mutation("updateBspaoh")
    @Description("Modifie un BSPAOH : seuls les champs fournis changent ; les champs verrouillés par une signature ne "
            + "peuvent plus l'être.")
    public @NonNull Bspaoh updateBspaoh(@Name("id") @NonNull @Id String id, @Name("input") @NonNull BspaohInput input) {
        return service.update(caller(), id, input);
    }

    @Mutation("publishBspaoh")
    @Description("Publie un BSPAOH en brouillon.")
    public @NonNull Bspaoh publishBspaoh(@Name("id") @NonNull @Id String id) {
        return service.publish(caller(), id);
    }

    @Mutation("signBspaoh")
    @Description("Signe un BSPAOH (émission, transport, remise au crématorium, réception, opération) ; il n'y a pas "
            + "de signature par code sur un BSPAOH.")
    public @NonNull Bspaoh signBspaoh(@Name("id") @NonNull @Id String id,
                                      @Name("input") @NonNull BspaohSignatureInput input) {
        return service.sign(caller(), id, input);
    }

    @Mutation("duplicateBspaoh")
    @Description("Crée un brouillon à partir d'un BSPAOH existant.")
    public @NonNull Bspaoh duplicateBspaoh(@Name("id") @NonNull @Id String id) {
        return service.duplicate(caller(), id);
    }

    @Mutation("deleteBspaoh")
    @Description("Supprime un BSPAOH en brouillon ou en attente de collecte ; renvoie le BSPAOH supprimé.")
    public @NonNull Bspaoh deleteBspaoh(@Name("id") @NonNull @Id String id) {
        return service.delete(caller(), id);
    }
}
