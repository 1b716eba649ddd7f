package fr.wastetrace.bsd.bsff.graphql;

import fr.wastetrace.bsd.core.action.WastetraceAllowedActions;
import fr.wastetrace.bsd.core.action.AllowedActionsService;
import fr.wastetrace.bsd.bsff.BsffPackagings;
import fr.wastetrace.bsd.bsff.BsffQueries;
import fr.wastetrace.bsd.bsff.BsffService;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffFicheInterventionInput;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffInput;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffSignatureInput;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffTransporterInput;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.UpdateBsffPackagingInput;
import fr.wastetrace.bsd.bsff.graphql.BsffWheres.BsffPackagingWhere;
import fr.wastetrace.bsd.bsff.graphql.BsffWheres.BsffWhere;
import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffPackagingType;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffConnection;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffEmitter;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffFicheIntervention;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffMetadata;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffPackagingConnection;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporter;
import fr.wastetrace.bsd.bsff.model.BsffParts.InitialBsff;
import fr.wastetrace.bsd.bsff.model.BsffType;
import fr.wastetrace.bsd.bsff.pdf.BsffPdfs;
import fr.wastetrace.bsd.core.history.BsdVersions;
import fr.wastetrace.bsd.core.history.WastetraceBsdVersion;
import fr.wastetrace.bsd.core.mutation.WastetraceWriteResult;
import fr.wastetrace.bsd.core.mutation.WriteArguments;
import fr.wastetrace.bsd.core.mutation.WriteOptions;
import fr.wastetrace.bsd.core.mutation.Writes;
import fr.wastetrace.bsd.core.pdf.PdfLinks;
import fr.wastetrace.events.bsd.BsffEvents;
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

/** The BSFF operations of the contract, and the fields resolved from the links between containers. */
@GraphQLApi
public class BsffApi {
    @Inject
    Writes writes;
    @Inject
    BsdVersions versions;
    @Inject
    AllowedActionsService allowedActions;
    @Inject
    SecurityIdentity identity;
    @Inject
    BsffService service;
    @Inject
    BsffQueries queries;
    @Inject
    BsffPackagings packagings;
    @Inject
    PdfLinks pdfLinks;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("bsff")
    @Description("Renvoie un BSFF à partir de son identifiant.")
    public @NonNull Bsff bsff(@Name("id") @NonNull @Id String id) {
        return queries.bsff(caller(), id);
    }

    @Query("bsffs")
    @Description("Renvoie les BSFF visibles par vos établissements, du plus récent au plus ancien (pagination par "
            + "curseur : first/after ou last/before).")
    public @NonNull BsffConnection bsffs(@Name("after") @Id String after, @Name("first") Integer first,
                                         @Name("before") @Id String before, @Name("last") Integer last,
                                         @Name("where") BsffWhere where) {
        return queries.bsffs(caller(), after, first, before, last, where);
    }

    @Query("bsffPdf")
    @Description("Renvoie un lien de téléchargement du PDF d'un BSFF, valable 10 secondes.")
    public @NonNull FileDownload bsffPdf(@Name("id") @NonNull @Id String id) {
        CallerIdentity caller = caller();
        queries.bsff(caller, id);
        return pdfLinks.link(BsffPdfs.BSD_TYPE, id, caller);
    }

    @Query("bsffPackaging")
    @Description("Renvoie un contenant de BSFF à partir de son identifiant.")
    public @NonNull BsffPackaging bsffPackaging(@Name("id") @NonNull @Id String id) {
        return queries.packaging(caller(), id);
    }

    @Query("bsffPackagings")
    @Description("Renvoie les contenants des BSFF visibles par vos établissements, par exemple ceux à regrouper, "
            + "réexpédier ou reconditionner.")
    public @NonNull BsffPackagingConnection bsffPackagings(@Name("after") @Id String after,
                                                           @Name("first") Integer first,
                                                           @Name("before") @Id String before,
                                                           @Name("last") Integer last,
                                                           @Name("where") BsffPackagingWhere where) {
        return queries.packagings(caller(), after, first, before, last, where);
    }

    // ---------------------------------------------------------------- fields

    @Description(WastetraceAllowedActions.FIELD)
    public @NonNull WastetraceAllowedActions wastetraceAllowedActions(@Source Bsff bsff) {
        return allowedActions.of("bsff", bsff.id, Callers.require(identity));
    }

    public @NonNull BsffMetadata metadata(@Source Bsff bsff) {
        return queries.metadata(bsff);
    }

    public @NonNull List<@NonNull BsffPackaging> grouping(@Source Bsff bsff) {
        return queries.previousPackagings(bsff, BsffType.GROUPEMENT);
    }

    public @NonNull List<@NonNull BsffPackaging> forwarding(@Source Bsff bsff) {
        return queries.previousPackagings(bsff, BsffType.REEXPEDITION);
    }

    public @NonNull List<@NonNull BsffPackaging> repackaging(@Source Bsff bsff) {
        return queries.previousPackagings(bsff, BsffType.RECONDITIONNEMENT);
    }

    @Description("Les fiches d'intervention du BSFF : toutes pour l'émetteur, les transporteurs et la destination, "
            + "les siennes seulement pour un détenteur.")
    public @NonNull List<@NonNull BsffFicheIntervention> ficheInterventions(@Source Bsff bsff) {
        return queries.ficheInterventions(caller(), bsff);
    }

    public @NonNull List<@NonNull BsffFicheIntervention> ficheInterventions(@Source InitialBsff initial) {
        return queries.ficheInterventions(caller(), initial);
    }

    public BsffEmitter emitter(@Source InitialBsff initial) {
        return queries.emitter(caller(), initial);
    }

    public @NonNull Bsff bsff(@Source BsffPackaging packaging) {
        return queries.parent(packaging.bsffId);
    }

    public Bsff nextBsff(@Source BsffPackaging packaging) {
        return queries.nextBsff(packaging);
    }

    public @NonNull List<@NonNull Bsff> nextBsffs(@Source BsffPackaging packaging) {
        return queries.nextBsffs(packaging);
    }

    public @NonNull List<@NonNull InitialBsff> previousBsffs(@Source BsffPackaging packaging) {
        return queries.previousBsffs(packaging);
    }

    @Deprecated
    @Description("Remplacé par type (et other pour un contenant AUTRE).")
    public String name(@Source BsffPackaging packaging) {
        if (packaging.type == null) {
            return null;
        }
        return packaging.type == BsffPackagingType.AUTRE && packaging.other != null ? packaging.other
                : packaging.type.name();
    }

    // ---------------------------------------------------------------- mutations

    @Name("wastetraceVersion")
    @Description("La version du bordereau : 1 à sa création, plus 1 à chaque changement (à passer en "
            + "wastetraceExpectedVersion pour ne pas écraser le changement d'un autre).")
    public int wastetraceVersion(@Source Bsff bsff) {
        return (int) bsff.version;
    }

    @Name("wastetraceVersions")
    @Description("Les versions du bordereau, de la plus ancienne à la plus récente : qui, quand, quels champs.")
    public @NonNull List<@NonNull List<@NonNull WastetraceBsdVersion>> wastetraceVersions(
            @Source List<Bsff> bsffs) {
        return versions.inOrder(BsffEvents.AGGREGATE_TYPE, bsffs.stream().map(b -> b.id).toList());
    }

    @Mutation("createBsff")
    @Description("Crée un BSFF publié : les informations nécessaires à la signature de l'émetteur sont requises.")
    public @NonNull Bsff createBsff(@Name("input") @NonNull BsffInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, false));
    }

    @Mutation("createDraftBsff")
    @Description("Crée un BSFF en brouillon, visible des seuls établissements du créateur qui y figurent.")
    public @NonNull Bsff createDraftBsff(@Name("input") @NonNull BsffInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () -> service.create(caller(), input, true));
    }

    @Mutation("updateBsff")
    @Description("Modifie un BSFF : seuls les champs fournis changent ; les champs verrouillés par une signature ne "
            + "peuvent plus l'être.")
    public @NonNull Bsff updateBsff(@Name("id") @NonNull @Id String id, @Name("input") @NonNull BsffInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.update(caller(), id, input));
    }

    @Mutation("publishBsff")
    @Description("Publie un BSFF en brouillon.")
    public @NonNull Bsff publishBsff(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.publish(caller(), id));
    }

    @Mutation("signBsff")
    @Description("Signe un BSFF (émission, transport, réception) ou ses contenants (acceptation, opération : un "
            + "contenant avec packagingId, sinon tous ceux qui restent).")
    public @NonNull Bsff signBsff(@Name("id") @NonNull @Id String id,
                                  @Name("input") @NonNull BsffSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.sign(caller(), id, input));
    }

    @Mutation("wastetraceSignBsffs")
    @Description("Appose la même signature sur plusieurs BSFF : un résultat par bordereau (signé, ou l'erreur "
            + "qu'aurait donnée signBsff sur ce seul bordereau) ; l'échec de l'un n'empêche pas les autres.")
    public @NonNull List<@NonNull WastetraceWriteResult> wastetraceSignBsffs(
            @Name("ids") @NonNull @Description(WriteArguments.MANY_IDS) List<@NonNull String> ids,
            @Name("input") @NonNull BsffSignatureInput input,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.each(ids, WriteOptions.dryRun(dryRun), id -> service.sign(caller(), id, input));
    }

    @Mutation("duplicateBsff")
    @Description("Crée un brouillon à partir d'un BSFF existant.")
    public @NonNull Bsff duplicateBsff(@Name("id") @NonNull @Id String id) {
        return service.duplicate(caller(), id);
    }

    @Mutation("deleteBsff")
    @Description("Supprime un BSFF en brouillon ou que personne n'a encore signé ; renvoie le BSFF supprimé.")
    public @NonNull Bsff deleteBsff(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> service.delete(caller(), id));
    }

    @Mutation("createBsffTransporter")
    @Description("Crée un transporteur, à rattacher ensuite à un BSFF par la liste transporters.")
    public BsffTransporter createBsffTransporter(@Name("input") @NonNull BsffTransporterInput input) {
        return service.createTransporter(caller(), input);
    }

    @Mutation("updateBsffTransporter")
    @Description("Modifie un transporteur qui n'a pas encore signé.")
    public BsffTransporter updateBsffTransporter(@Name("id") @NonNull @Id String id,
                                                 @Name("input") @NonNull BsffTransporterInput input) {
        return service.updateTransporter(caller(), id, input);
    }

    @Mutation("deleteBsffTransporter")
    @Description("Supprime un transporteur qui n'a pas encore signé ; renvoie son identifiant.")
    public @NonNull @Id String deleteBsffTransporter(@Name("id") @NonNull @Id String id) {
        return service.deleteTransporter(caller(), id);
    }

    @Mutation("updateBsffPackaging")
    @Description("Renseigne ou corrige l'acceptation et l'opération d'un contenant (installation de destination).")
    public @NonNull BsffPackaging updateBsffPackaging(@Name("id") @NonNull @Id String id,
                                                      @Name("input") @NonNull UpdateBsffPackagingInput input) {
        return packagings.update(caller(), id, input);
    }

    @Mutation("createFicheInterventionBsff")
    @Description("Crée une fiche d'intervention (opérateur), à rattacher ensuite à un BSFF de collecte.")
    public @NonNull BsffFicheIntervention createFicheInterventionBsff(
            @Name("input") @NonNull BsffFicheInterventionInput input) {
        return service.createFiche(caller(), input);
    }

    @Mutation("updateFicheInterventionBsff")
    @Description("Modifie une fiche d'intervention (opérateur).")
    public @NonNull BsffFicheIntervention updateFicheInterventionBsff(@Name("id") @NonNull @Id String id,
            @Name("input") @NonNull BsffFicheInterventionInput input) {
        return service.updateFiche(caller(), id, input);
    }
}
