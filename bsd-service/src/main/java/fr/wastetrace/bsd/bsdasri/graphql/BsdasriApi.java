package fr.wastetrace.bsd.bsdasri.graphql;

import fr.wastetrace.bsd.core.action.WastetraceAllowedActions;
import fr.wastetrace.bsd.core.action.AllowedActionsService;
import fr.wastetrace.bsd.bsdasri.BsdasriQueries;
import fr.wastetrace.bsd.bsdasri.BsdasriRevisions;
import fr.wastetrace.bsd.bsdasri.BsdasriService;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriInputs.BsdasriInput;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriInputs.BsdasriSignatureInput;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriInputs.BsdasriSignatureWithSecretCodeInput;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriRevisionInputs.BsdasriRevisionRequestWhere;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriRevisionInputs.CreateBsdasriRevisionRequestInput;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriWheres.BsdasriWhere;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriMetadata;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriConnection;
import fr.wastetrace.bsd.bsdasri.model.BsdasriRevisionParts.BsdasriRevisionRequest;
import fr.wastetrace.bsd.bsdasri.model.BsdasriRevisionParts.BsdasriRevisionRequestConnection;
import fr.wastetrace.bsd.bsdasri.pdf.BsdasriPdfs;
import fr.wastetrace.bsd.core.history.BsdVersions;
import fr.wastetrace.bsd.core.history.WastetraceBsdVersion;
import fr.wastetrace.bsd.core.mutation.WastetraceWriteResult;
import fr.wastetrace.bsd.core.mutation.WriteArguments;
import fr.wastetrace.bsd.core.mutation.WriteOptions;
import fr.wastetrace.bsd.core.mutation.Writes;
import fr.wastetrace.bsd.core.pdf.PdfLinks;
import fr.wastetrace.events.bsd.BsdasriEvents;
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

/** The BSDASRI operations of the contract, and the fields of {@code Bsdasri} resolved when asked for. */
@GraphQLApi
public class BsdasriApi {
    @Inject
    Writes writes;
    @Inject
    BsdVersions versions;
    @Inject
    AllowedActionsService allowedActions;
    @Inject
    SecurityIdentity identity;
    @Inject
    BsdasriService service;
    @Inject
    BsdasriQueries queries;
    @Inject
    BsdasriRevisions revisions;
    @Inject
    PdfLinks pdfLinks;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("bsdasri")
    @Description("Renvoie un BSDASRI à partir de son identifiant.")
    public @NonNull Bsdasri bsdasri(@Name("id") @NonNull @Id String id) {
        return queries.bsdasri(caller(), id);
    }

    @Query("bsdasris")
    @Description("Renvoie les BSDASRI visibles par vos établissements, du plus récent au plus ancien (pagination par "
            + "curseur : first/after ou last/before).")
    public @NonNull BsdasriConnection bsdasris(@Name("after") @Id String after, @Name("first") Integer first,
                                               @Name("before") @Id String before, @Name("last") Integer last,
                                               @Name("where") BsdasriWhere where) {
        return queries.bsdasris(caller(), after, first, before, last, where);
    }

    @Query("bsdasriPdf")
    @Description("Renvoie un lien de téléchargement du PDF d'un BSDASRI, valable 10 secondes.")
    public @NonNull FileDownload bsdasriPdf(@Name("id") @NonNull @Id String id) {
        CallerIdentity caller = caller();
        queries.bsdasri(caller, id);
        return pdfLinks.link(BsdasriPdfs.BSD_TYPE, id, caller);
    }

    @Description(WastetraceAllowedActions.FIELD)
    public @NonNull WastetraceAllowedActions wastetraceAllowedActions(@Source Bsdasri bsdasri) {
        return allowedActions.of("bsdasri", bsdasri.id, Callers.require(identity));
    }

    public @NonNull BsdasriMetadata metadata(@Source Bsdasri bsdasri) {
        return queries.metadata(bsdasri);
    }

    public Bsdasri groupedIn(@Source Bsdasri bsdasri) {
        return queries.find(bsdasri.groupedInId).orElse(null);
    }

    public Bsdasri synthesizedIn(@Source Bsdasri bsdasri) {
        return queries.find(bsdasri.synthesizedInId).orElse(null);
    }

    @Name("wastetraceVersion")
    @Description("La version du bordereau : 1 à sa création, plus 1 à chaque changement (à passer en "
            + "wastetraceExpectedVersion pour ne pas écraser le changement d'un autre).")
    public int wastetraceVersion(@Source Bsdasri bsdasri) {
        return (int) bsdasri.version;
    }

    @Name("wastetraceVersions")
    @Description("Les versions du bordereau, de la plus ancienne à la plus récente : qui, quand, quels champs.")
    public @NonNull List<@NonNull List<@NonNull WastetraceBsdVersion>> wastetraceVersions(
            @Source List<Bsdasri> bsdasris) {
        return versions.inOrder(BsdasriEvents.AGGREGATE_TYPE, bsdasris.stream().map(b -> b.id).toList());
    }

    @Mutation("createBsdasri")
    @Description("Crée un BSDASRI publié (simple, de groupement avec grouping, ou de synthèse avec synthesizing).")
    public @NonNull Bsdasri createBsdasri(@Name("input") @NonNull BsdasriInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, false));
    }

    @Mutation("createDraftBsdasri")
    @Description("Crée un BSDASRI en brouillon, visible des seuls établissements du créateur qui y figurent.")
    public @NonNull Bsdasri createDraftBsdasri(@Name("input") @NonNull BsdasriInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, true));
    }

    @Mutation("updateBsdasri")
    @Description("Modifie un BSDASRI : seuls les champs fournis changent ; les champs verrouillés par une signature ne "
            + "peuvent plus l'être.")
    public @NonNull Bsdasri updateBsdasri(@Name("id") @NonNull @Id String id,
                                          @Name("input") @NonNull BsdasriInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.update(caller(), id, input));
    }

    @Mutation("publishBsdasri")
    @Description("Publie un BSDASRI en brouillon.")
    public @NonNull Bsdasri publishBsdasri(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.publish(caller(), id));
    }

    @Mutation("signBsdasri")
    @Description("Signe un BSDASRI (émission, transport, réception, opération).")
    public @NonNull Bsdasri signBsdasri(@Name("id") @NonNull @Id String id,
                                        @Name("input") @NonNull BsdasriSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.sign(caller(), id, input));
    }

    @Mutation("wastetraceSignBsdasris")
    @Description("Appose la même signature sur plusieurs BSDASRI : un résultat par bordereau (signé, ou l'erreur "
            + "qu'aurait donnée signBsdasri sur ce seul bordereau) ; l'échec de l'un n'empêche pas les autres.")
    public @NonNull List<@NonNull WastetraceWriteResult> wastetraceSignBsdasris(
            @Name("ids") @NonNull @Description(WriteArguments.MANY_IDS) List<@NonNull String> ids,
            @Name("input") @NonNull BsdasriSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.each(ids, WriteOptions.dryRun(dryRun), id -> service.sign(caller(), id, input));
    }

    @Mutation("signBsdasriEmissionWithSecretCode")
    @Description("Signe l'émission d'un BSDASRI simple sur l'appareil du transporteur, avec le code de signature de "
            + "l'émetteur ou de l'éco-organisme.")
    public @NonNull Bsdasri signBsdasriEmissionWithSecretCode(
            @Name("id") @NonNull @Id String id, @Name("input") @NonNull BsdasriSignatureWithSecretCodeInput input) {
        return service.signWithSecretCode(caller(), id, input);
    }

    @Mutation("duplicateBsdasri")
    @Description("Crée un brouillon à partir d'un BSDASRI simple existant.")
    public @NonNull Bsdasri duplicateBsdasri(@Name("id") @NonNull @Id String id) {
        return service.duplicate(caller(), id);
    }

    @Mutation("deleteBsdasri")
    @Description("Supprime un BSDASRI en brouillon ou non encore signé ; renvoie le BSDASRI supprimé.")
    public @NonNull Bsdasri deleteBsdasri(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.delete(caller(), id));
    }

    @Query("bsdasriRevisionRequests")
    @Description("Renvoie les demandes de révision de BSDASRI de l'établissement (auteur ou approbateur).")
    public @NonNull BsdasriRevisionRequestConnection bsdasriRevisionRequests(
            @Name("siret") @NonNull String siret, @Name("where") BsdasriRevisionRequestWhere where,
            @Name("after") String after, @Name("first") Integer first) {
        return revisions.list(caller(), siret, where, after, first);
    }

    @Mutation("createBsdasriRevisionRequest")
    @Description("Demande la révision d'un BSDASRI signé (ou son annulation s'il est en transit).")
    public @NonNull BsdasriRevisionRequest createBsdasriRevisionRequest(
            @Name("input") @NonNull CreateBsdasriRevisionRequestInput input) {
        return revisions.create(caller(), input);
    }

    @Mutation("submitBsdasriRevisionRequestApproval")
    @Description("Approuve ou refuse une demande de révision de BSDASRI.")
    public @NonNull BsdasriRevisionRequest submitBsdasriRevisionRequestApproval(
            @Name("id") @NonNull @Id String id, @Name("isApproved") @NonNull Boolean isApproved,
            @Name("comment") String comment) {
        return revisions.submitApproval(caller(), id, isApproved, comment);
    }

    @Mutation("cancelBsdasriRevisionRequest")
    @Description("Annule une demande de révision de BSDASRI encore en attente (par son auteur).")
    public @NonNull Boolean cancelBsdasriRevisionRequest(@Name("id") @NonNull @Id String id) {
        return revisions.cancel(caller(), id);
    }

    public BsdasriRevisionRequest latestRevision(@Source BsdasriMetadata metadata) {
        return revisions.latest(metadata.bsdasriId);
    }

    public @NonNull Bsdasri bsdasri(@Source BsdasriRevisionRequest request) {
        return queries.find(request.bsdasriId).orElseThrow();
    }
}
