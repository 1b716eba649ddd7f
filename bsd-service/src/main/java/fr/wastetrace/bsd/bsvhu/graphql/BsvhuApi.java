package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.core.action.WastetraceAllowedActions;
import fr.wastetrace.bsd.core.action.AllowedActionsService;
import fr.wastetrace.bsd.bsvhu.BsvhuQueries;
import fr.wastetrace.bsd.bsvhu.BsvhuService;
import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuConnection;
import fr.wastetrace.bsd.bsvhu.model.BsvhuMetadata;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransporter;
import fr.wastetrace.bsd.bsvhu.pdf.BsvhuPdfs;
import fr.wastetrace.bsd.core.history.BsdVersions;
import fr.wastetrace.bsd.core.history.WastetraceBsdVersion;
import fr.wastetrace.bsd.core.mutation.WastetraceWriteResult;
import fr.wastetrace.bsd.core.mutation.WriteArguments;
import fr.wastetrace.bsd.core.mutation.WriteOptions;
import fr.wastetrace.bsd.core.mutation.Writes;
import fr.wastetrace.bsd.core.pdf.PdfLinks;
import fr.wastetrace.events.bsd.BsvhuEvents;
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

/** The BSVHU operations of the contract. */
@GraphQLApi
public class BsvhuApi {
    @Inject
    Writes writes;
    @Inject
    BsdVersions versions;
    @Inject
    AllowedActionsService allowedActions;
    @Inject
    SecurityIdentity identity;
    @Inject
    BsvhuService service;
    @Inject
    BsvhuQueries queries;
    @Inject
    PdfLinks pdfLinks;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("bsvhu")
    @Description("Renvoie un BSVHU à partir de son identifiant.")
    public @NonNull Bsvhu bsvhu(@Name("id") @NonNull @Id String id) {
        return queries.bsvhu(caller(), id);
    }

    @Query("bsvhus")
    @Description("Renvoie les BSVHU visibles par vos établissements, du plus récent au plus ancien (pagination par "
            + "curseur : first/after ou last/before).")
    public @NonNull BsvhuConnection bsvhus(@Name("after") @Id String after, @Name("first") Integer first,
                                           @Name("before") @Id String before, @Name("last") Integer last,
                                           @Name("where") BsvhuWhere where) {
        return queries.bsvhus(caller(), after, first, before, last, where);
    }

    @Query("bsvhuPdf")
    @Description("Renvoie un lien de téléchargement du PDF d'un BSVHU, valable 10 secondes.")
    public @NonNull FileDownload bsvhuPdf(@Name("id") @NonNull @Id String id) {
        CallerIdentity caller = caller();
        queries.bsvhu(caller, id);
        return pdfLinks.link(BsvhuPdfs.BSD_TYPE, id, caller);
    }

    @Description(WastetraceAllowedActions.FIELD)
    public @NonNull WastetraceAllowedActions wastetraceAllowedActions(@Source Bsvhu bsvhu) {
        return allowedActions.of("bsvhu", bsvhu.id, Callers.require(identity));
    }

    public @NonNull BsvhuMetadata metadata(@Source Bsvhu bsvhu) {
        return queries.metadata(bsvhu);
    }

    @Name("wastetraceVersion")
    @Description("La version du bordereau : 1 à sa création, plus 1 à chaque changement (à passer en "
            + "wastetraceExpectedVersion pour ne pas écraser le changement d'un autre).")
    public int wastetraceVersion(@Source Bsvhu bsvhu) {
        return (int) bsvhu.version;
    }

    @Name("wastetraceVersions")
    @Description("Les versions du bordereau, de la plus ancienne à la plus récente : qui, quand, quels champs.")
    public @NonNull List<@NonNull List<@NonNull WastetraceBsdVersion>> wastetraceVersions(
            @Source List<Bsvhu> bsvhus) {
        return versions.inOrder(BsvhuEvents.AGGREGATE_TYPE, bsvhus.stream().map(b -> b.id).toList());
    }

    @Mutation("createBsvhu")
    @Description("Crée un BSVHU publié : les informations nécessaires à la signature de l'émetteur sont requises.")
    public @NonNull Bsvhu createBsvhu(@Name("input") @NonNull BsvhuInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, false));
    }

    @Mutation("createDraftBsvhu")
    @Description("Crée un BSVHU en brouillon, visible des seuls établissements du créateur qui y figurent.")
    public @NonNull Bsvhu createDraftBsvhu(@Name("input") @NonNull BsvhuInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, true));
    }

    @Mutation("updateBsvhu")
    @Description("Modifie un BSVHU : seuls les champs fournis changent ; les champs verrouillés par une signature ne "
            + "peuvent plus l'être.")
    public @NonNull Bsvhu updateBsvhu(@Name("id") @NonNull @Id String id, @Name("input") @NonNull BsvhuInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.update(caller(), id, input));
    }

    @Mutation("publishBsvhu")
    @Description("Publie un BSVHU en brouillon.")
    public @NonNull Bsvhu publishBsvhu(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.publish(caller(), id));
    }

    @Mutation("signBsvhu")
    @Description("Signe un BSVHU (émission, transport, réception, opération), éventuellement avec le code de "
            + "signature de l'entreprise signataire.")
    public @NonNull Bsvhu signBsvhu(@Name("id") @NonNull @Id String id,
                                    @Name("input") @NonNull BsvhuSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.sign(caller(), id, input));
    }

    @Mutation("wastetraceSignBsvhus")
    @Description("Appose la même signature sur plusieurs BSVHU : un résultat par bordereau (signé, ou l'erreur "
            + "qu'aurait donnée signBsvhu sur ce seul bordereau) ; l'échec de l'un n'empêche pas les autres.")
    public @NonNull List<@NonNull WastetraceWriteResult> wastetraceSignBsvhus(
            @Name("ids") @NonNull @Description(WriteArguments.MANY_IDS) List<@NonNull String> ids,
            @Name("input") @NonNull BsvhuSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.each(ids, WriteOptions.dryRun(dryRun), id -> service.sign(caller(), id, input));
    }

    @Mutation("duplicateBsvhu")
    @Description("Crée un brouillon à partir d'un BSVHU existant.")
    public @NonNull Bsvhu duplicateBsvhu(@Name("id") @NonNull @Id String id) {
        return service.duplicate(caller(), id);
    }

    @Mutation("deleteBsvhu")
    @Description("Supprime un BSVHU en brouillon ou en attente de collecte ; renvoie le BSVHU supprimé.")
    public @NonNull Bsvhu deleteBsvhu(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.delete(caller(), id));
    }

    @Mutation("createBsvhuTransporter")
    @Description("Crée un transporteur, à rattacher ensuite à un BSVHU par la liste transporters.")
    public BsvhuTransporter createBsvhuTransporter(@Name("input") @NonNull BsvhuTransporterInput input) {
        return service.createTransporter(caller(), input);
    }

    @Mutation("updateBsvhuTransporter")
    @Description("Modifie un transporteur qui n'a pas encore signé.")
    public BsvhuTransporter updateBsvhuTransporter(@Name("id") @NonNull @Id String id,
                                                   @Name("input") @NonNull BsvhuTransporterInput input) {
        return service.updateTransporter(caller(), id, input);
    }

    @Mutation("deleteBsvhuTransporter")
    @Description("Supprime un transporteur qui n'a pas encore signé ; renvoie son identifiant.")
    public @NonNull @Id String deleteBsvhuTransporter(@Name("id") @NonNull @Id String id) {
        return service.deleteTransporter(caller(), id);
    }
}
