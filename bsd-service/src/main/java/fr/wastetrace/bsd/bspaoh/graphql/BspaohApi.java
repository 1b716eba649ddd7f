package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.core.action.WastetraceAllowedActions;
import fr.wastetrace.bsd.core.action.AllowedActionsService;
import fr.wastetrace.bsd.bspaoh.BspaohQueries;
import fr.wastetrace.bsd.bspaoh.BspaohService;
import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohConnection;
import fr.wastetrace.bsd.bspaoh.model.BspaohMetadata;
import fr.wastetrace.bsd.bspaoh.pdf.BspaohPdfs;
import fr.wastetrace.bsd.core.history.BsdVersions;
import fr.wastetrace.bsd.core.history.WastetraceBsdVersion;
import fr.wastetrace.bsd.core.mutation.WastetraceWriteResult;
import fr.wastetrace.bsd.core.mutation.WriteArguments;
import fr.wastetrace.bsd.core.mutation.WriteOptions;
import fr.wastetrace.bsd.core.mutation.Writes;
import fr.wastetrace.bsd.core.pdf.PdfLinks;
import fr.wastetrace.events.bsd.BspaohEvents;
import fr.wastetrace.graphql.FileDownload;
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

import java.util.List;

/** The BSPAOH operations of the contract. */
@GraphQLApi
public class BspaohApi {
    @Inject
    Writes writes;
    @Inject
    BsdVersions versions;
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

    @Name("wastetraceVersion")
    @Description("La version du bordereau : 1 à sa création, plus 1 à chaque changement (à passer en "
            + "wastetraceExpectedVersion pour ne pas écraser le changement d'un autre).")
    public int wastetraceVersion(@Source Bspaoh bspaoh) {
        return (int) bspaoh.version;
    }

    @Name("wastetraceVersions")
    @Description("Les versions du bordereau, de la plus ancienne à la plus récente : qui, quand, quels champs.")
    public @NonNull List<@NonNull List<@NonNull WastetraceBsdVersion>> wastetraceVersions(
            @Source List<Bspaoh> bspaohs) {
        return versions.inOrder(BspaohEvents.AGGREGATE_TYPE, bspaohs.stream().map(b -> b.id).toList());
    }

    @Mutation("createBspaoh")
    @Description("Crée un BSPAOH publié : les informations nécessaires à la signature du producteur sont requises.")
    public @NonNull Bspaoh createBspaoh(@Name("input") @NonNull BspaohInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, false));
    }

    @Mutation("createDraftBspaoh")
    @Description("Crée un BSPAOH en brouillon, visible des seuls établissements du créateur qui y figurent.")
    public @NonNull Bspaoh createDraftBspaoh(@Name("input") @NonNull BspaohInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, true));
    }

    @Mutation("updateBspaoh")
    @Description("Modifie un BSPAOH : seuls les champs fournis changent ; les champs verrouillés par une signature ne "
            + "peuvent plus l'être.")
    public @NonNull Bspaoh updateBspaoh(@Name("id") @NonNull @Id String id, @Name("input") @NonNull BspaohInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.update(caller(), id, input));
    }

    @Mutation("publishBspaoh")
    @Description("Publie un BSPAOH en brouillon.")
    public @NonNull Bspaoh publishBspaoh(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.publish(caller(), id));
    }

    @Mutation("signBspaoh")
    @Description("Signe un BSPAOH (émission, transport, remise au crématorium, réception, opération) ; il n'y a pas "
            + "de signature par code sur un BSPAOH.")
    public @NonNull Bspaoh signBspaoh(@Name("id") @NonNull @Id String id,
                                      @Name("input") @NonNull BspaohSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.sign(caller(), id, input));
    }

    @Mutation("wastetraceSignBspaohs")
    @Description("Appose la même signature sur plusieurs BSPAOH : un résultat par bordereau (signé, ou l'erreur "
            + "qu'aurait donnée signBspaoh sur ce seul bordereau) ; l'échec de l'un n'empêche pas les autres.")
    public @NonNull List<@NonNull WastetraceWriteResult> wastetraceSignBspaohs(
            @Name("ids") @NonNull @Description(WriteArguments.MANY_IDS) List<@NonNull String> ids,
            @Name("input") @NonNull BspaohSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.each(ids, WriteOptions.dryRun(dryRun), id -> service.sign(caller(), id, input));
    }

    @Mutation("duplicateBspaoh")
    @Description("Crée un brouillon à partir d'un BSPAOH existant.")
    public @NonNull Bspaoh duplicateBspaoh(@Name("id") @NonNull @Id String id) {
        return service.duplicate(caller(), id);
    }

    @Mutation("deleteBspaoh")
    @Description("Supprime un BSPAOH en brouillon ou en attente de collecte ; renvoie le BSPAOH supprimé.")
    public @NonNull Bspaoh deleteBspaoh(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.delete(caller(), id));
    }
}
