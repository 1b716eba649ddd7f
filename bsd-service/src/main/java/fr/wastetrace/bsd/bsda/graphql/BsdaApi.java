package fr.wastetrace.bsd.bsda.graphql;

import fr.wastetrace.bsd.core.action.WastetraceAllowedActions;
import fr.wastetrace.bsd.core.action.AllowedActionsService;
import fr.wastetrace.bsd.bsda.BsdaQueries;
import fr.wastetrace.bsd.bsda.BsdaRevisions;
import fr.wastetrace.bsd.bsda.BsdaService;
import fr.wastetrace.bsd.bsda.graphql.BsdaInputs.BsdaInput;
import fr.wastetrace.bsd.bsda.graphql.BsdaInputs.BsdaSignatureInput;
import fr.wastetrace.bsd.bsda.graphql.BsdaInputs.BsdaTransporterInput;
import fr.wastetrace.bsd.bsda.graphql.BsdaRevisionInputs.BsdaRevisionRequestWhere;
import fr.wastetrace.bsd.bsda.graphql.BsdaRevisionInputs.CreateBsdaRevisionRequestInput;
import fr.wastetrace.bsd.bsda.graphql.BsdaWheres.BsdaWhere;
import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaConnection;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaMetadata;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.bsda.model.BsdaRevisionParts.BsdaRevisionRequest;
import fr.wastetrace.bsd.bsda.model.BsdaRevisionParts.BsdaRevisionRequestConnection;
import fr.wastetrace.bsd.bsda.pdf.BsdaPdfs;
import fr.wastetrace.bsd.core.history.BsdVersions;
import fr.wastetrace.bsd.core.history.WastetraceBsdVersion;
import fr.wastetrace.bsd.core.mutation.WastetraceWriteResult;
import fr.wastetrace.bsd.core.mutation.WriteArguments;
import fr.wastetrace.bsd.core.mutation.WriteOptions;
import fr.wastetrace.bsd.core.mutation.Writes;
import fr.wastetrace.bsd.core.pdf.PdfLinks;
import fr.wastetrace.events.bsd.BsdaEvents;
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

/** The BSDA operations of the contract, and the fields of {@code Bsda} resolved when asked for. */
@GraphQLApi
public class BsdaApi {
    @Inject
    Writes writes;
    @Inject
    BsdVersions versions;
    @Inject
    AllowedActionsService allowedActions;
    @Inject
    SecurityIdentity identity;
    @Inject
    BsdaService service;
    @Inject
    BsdaQueries queries;
    @Inject
    BsdaRevisions revisions;
    @Inject
    PdfLinks pdfLinks;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("bsda")
    @Description("Renvoie un BSDA (bordereau de suivi de déchets d'amiante) à partir de son identifiant.")
    public @NonNull Bsda bsda(@Name("id") @NonNull @Id String id) {
        return queries.bsda(caller(), id);
    }

    @Query("bsdas")
    @Description("Renvoie les BSDA visibles par vos établissements, du plus récent au plus ancien (pagination par "
            + "curseur : first/after ou last/before).")
    public @NonNull BsdaConnection bsdas(@Name("after") @Id String after, @Name("first") Integer first,
                                         @Name("before") @Id String before, @Name("last") Integer last,
                                         @Name("where") BsdaWhere where) {
        return queries.bsdas(caller(), after, first, before, last, where);
    }

    @Query("bsdaPdf")
    @Description("Renvoie un lien de téléchargement du PDF d'un BSDA, valable 10 secondes.")
    public @NonNull FileDownload bsdaPdf(@Name("id") @NonNull @Id String id) {
        CallerIdentity caller = caller();
        queries.checkCanReadPdf(caller, id);
        return pdfLinks.link(BsdaPdfs.BSD_TYPE, id, caller);
    }

    @Query("bsdaRevisionRequests")
    @Description("Renvoie les demandes de révision de BSDA de l'établissement (auteur ou approbateur).")
    public @NonNull BsdaRevisionRequestConnection bsdaRevisionRequests(
            @Name("siret") @NonNull String siret, @Name("where") BsdaRevisionRequestWhere where,
            @Name("after") String after, @Name("first") Integer first) {
        return revisions.list(caller(), siret, where, after, first);
    }

    @Description(WastetraceAllowedActions.FIELD)
    public @NonNull WastetraceAllowedActions wastetraceAllowedActions(@Source Bsda bsda) {
        return allowedActions.of("bsda", bsda.id, Callers.require(identity));
    }

    public @NonNull BsdaMetadata metadata(@Source Bsda bsda) {
        return queries.metadata(bsda);
    }

    public Bsda groupedIn(@Source Bsda bsda) {
        return queries.find(bsda.groupedInId).orElse(null);
    }

    public Bsda forwardedIn(@Source Bsda bsda) {
        return queries.find(bsda.forwardedInId).orElse(null);
    }

    public BsdaRevisionRequest latestRevision(@Source BsdaMetadata metadata) {
        return revisions.latest(metadata.bsdaId);
    }

    public @NonNull Bsda bsda(@Source BsdaRevisionRequest request) {
        return queries.find(request.bsdaId).orElseThrow();
    }

    @Name("wastetraceVersion")
    @Description("La version du bordereau : 1 à sa création, plus 1 à chaque changement (à passer en "
            + "wastetraceExpectedVersion pour ne pas écraser le changement d'un autre).")
    public int wastetraceVersion(@Source Bsda bsda) {
        return (int) bsda.version;
    }

    @Name("wastetraceVersions")
    @Description("Les versions du bordereau, de la plus ancienne à la plus récente : qui, quand, quels champs.")
    public @NonNull List<@NonNull List<@NonNull WastetraceBsdVersion>> wastetraceVersions(
            @Source List<Bsda> bsdas) {
        return versions.inOrder(BsdaEvents.AGGREGATE_TYPE, bsdas.stream().map(b -> b.id).toList());
    }

    @Mutation("createBsda")
    @Description("Crée un BSDA publié : les informations nécessaires à la signature du maître d'ouvrage sont requises.")
    public @NonNull Bsda createBsda(@Name("input") @NonNull BsdaInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, false));
    }

    @Mutation("createDraftBsda")
    @Description("Crée un BSDA en brouillon, visible des seuls établissements du créateur qui y figurent.")
    public @NonNull Bsda createDraftBsda(@Name("input") @NonNull BsdaInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, true));
    }

    @Mutation("updateBsda")
    @Description("Modifie un BSDA : seuls les champs fournis changent ; les champs verrouillés par une signature ne "
            + "peuvent plus l'être.")
    public @NonNull Bsda updateBsda(@Name("id") @NonNull @Id String id, @Name("input") @NonNull BsdaInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.update(caller(), id, input));
    }

    @Mutation("publishBsda")
    @Description("Publie un BSDA en brouillon.")
    public @NonNull Bsda publishBsda(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.publish(caller(), id));
    }

    @Mutation("signBsda")
    @Description("Signe un BSDA (émission, travaux, transport, réception, opération), éventuellement avec le code de "
            + "signature de l'entreprise signataire.")
    public @NonNull Bsda signBsda(@Name("id") @NonNull @Id String id, @Name("input") @NonNull BsdaSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.sign(caller(), id, input));
    }

    @Mutation("wastetraceSignBsdas")
    @Description("Appose la même signature sur plusieurs BSDA : un résultat par bordereau (signé, ou l'erreur "
            + "qu'aurait donnée signBsda sur ce seul bordereau) ; l'échec de l'un n'empêche pas les autres.")
    public @NonNull List<@NonNull WastetraceWriteResult> wastetraceSignBsdas(
            @Name("ids") @NonNull @Description(WriteArguments.MANY_IDS) List<@NonNull String> ids,
            @Name("input") @NonNull BsdaSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.each(ids, WriteOptions.dryRun(dryRun), id -> service.sign(caller(), id, input));
    }

    @Mutation("duplicateBsda")
    @Description("Crée un brouillon à partir d'un BSDA existant.")
    public @NonNull Bsda duplicateBsda(@Name("id") @NonNull @Id String id) {
        return service.duplicate(caller(), id);
    }

    @Mutation("deleteBsda")
    @Description("Supprime un BSDA en brouillon ou non encore signé (ou signé par le seul maître d'ouvrage) ; renvoie "
            + "le BSDA supprimé.")
    public @NonNull Bsda deleteBsda(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.delete(caller(), id));
    }

    @Mutation("createBsdaTransporter")
    @Description("Crée un transporteur, à rattacher ensuite à un BSDA par la liste transporters.")
    public BsdaTransporter createBsdaTransporter(@Name("input") @NonNull BsdaTransporterInput input) {
        return service.createTransporter(caller(), input);
    }

    @Mutation("updateBsdaTransporter")
    @Description("Modifie un transporteur de BSDA qui n'a pas encore signé.")
    public BsdaTransporter updateBsdaTransporter(@Name("id") @NonNull @Id String id,
                                                 @Name("input") @NonNull BsdaTransporterInput input) {
        return service.updateTransporter(caller(), id, input);
    }

    @Mutation("deleteBsdaTransporter")
    @Description("Supprime un transporteur de BSDA qui n'a pas encore signé ; renvoie son identifiant.")
    public @NonNull @Id String deleteBsdaTransporter(@Name("id") @NonNull @Id String id) {
        return service.deleteTransporter(caller(), id);
    }

    @Mutation("createBsdaRevisionRequest")
    @Description("Demande la révision d'un BSDA signé, ou son annulation tant qu'il n'est pas réceptionné.")
    public @NonNull BsdaRevisionRequest createBsdaRevisionRequest(
            @Name("input") @NonNull CreateBsdaRevisionRequestInput input) {
        return revisions.create(caller(), input);
    }

    @Mutation("submitBsdaRevisionRequestApproval")
    @Description("Approuve ou refuse une demande de révision de BSDA.")
    public @NonNull BsdaRevisionRequest submitBsdaRevisionRequestApproval(
            @Name("id") @NonNull @Id String id, @Name("isApproved") @NonNull Boolean isApproved,
            @Name("comment") String comment) {
        return revisions.submitApproval(caller(), id, isApproved, comment);
    }

    @Mutation("cancelBsdaRevisionRequest")
    @Description("Annule une demande de révision de BSDA encore en attente (par son auteur).")
    public @NonNull Boolean cancelBsdaRevisionRequest(@Name("id") @NonNull @Id String id) {
        return revisions.cancel(caller(), id);
    }
}
