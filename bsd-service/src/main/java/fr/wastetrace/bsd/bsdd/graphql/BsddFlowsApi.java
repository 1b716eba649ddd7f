package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.bsdd.GroupingService;
import fr.wastetrace.bsd.bsdd.PaperImportService;
import fr.wastetrace.bsd.bsdd.SegmentService;
import fr.wastetrace.bsd.bsdd.TemporaryStorageService;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.TransportSegment;
import fr.wastetrace.bsd.core.mutation.WriteArguments;
import fr.wastetrace.bsd.core.mutation.WriteOptions;
import fr.wastetrace.bsd.core.mutation.Writes;
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

import java.util.List;

/** The BSDD operations of the advanced flows: temporary storage, grouping, paper import, legacy segments. */
@GraphQLApi
public class BsddFlowsApi {
    @Inject
    Writes writes;
    @Inject
    SecurityIdentity identity;
    @Inject
    TemporaryStorageService temporaryStorage;
    @Inject
    GroupingService groupings;
    @Inject
    PaperImportService paperImport;
    @Inject
    SegmentService segments;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("appendixForms")
    @Description("Renvoie les BSDD en attente de regroupement dont l'établissement est la destination (finale), avec "
            + "une quantité restant à regrouper ; éventuellement d'un seul code déchet.")
    public @NonNull List<@NonNull Form> appendixForms(@Name("siret") @NonNull String siret,
                                                      @Name("wasteCode") String wasteCode) {
        return groupings.appendixForms(caller(), siret, wasteCode);
    }

    @Mutation("markAsTempStored")
    @Description("Réception du déchet par l'installation d'entreposage provisoire, avec son acceptation si elle est décidée.")
    public @NonNull Form markAsTempStored(@Name("id") @NonNull @Id String id,
                                          @Name("tempStoredInfos") @NonNull TempStoredFormInput tempStoredInfos,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () ->
                temporaryStorage.markAsTempStored(caller(), id, tempStoredInfos));
    }

    @Mutation("markAsTempStorerAccepted")
    @Description("Acceptation (totale, partielle) ou refus du déchet par l'installation d'entreposage provisoire.")
    public @NonNull Form markAsTempStorerAccepted(@Name("id") @NonNull @Id String id,
                                                  @Name("tempStorerAcceptedInfo") @NonNull
                                                  TempStorerAcceptedFormInput tempStorerAcceptedInfo,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () ->
                temporaryStorage.markAsTempStorerAccepted(caller(), id, tempStorerAcceptedInfo));
    }

    @Mutation("markAsResealed")
    @Description("L'installation d'entreposage provisoire complète les cadres 14 à 19 : destination finale, "
            + "reconditionnement, transporteur suivant.")
    public @NonNull Form markAsResealed(@Name("id") @NonNull @Id String id,
                                        @Name("resealedInfos") @NonNull ResealedFormInput resealedInfos,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () ->
                temporaryStorage.markAsResealed(caller(), id, resealedInfos));
    }

    @Mutation("markAsResent")
    @Description("Obsolète : utilisez markAsResealed puis signEmissionForm.")
    @Deprecated
    public @NonNull Form markAsResent(@Name("id") @NonNull @Id String id,
                                      @Name("resentInfos") @NonNull ResentFormInput resentInfos) {
        return temporaryStorage.markAsResent(caller(), id, resentInfos);
    }

    @Mutation("importPaperForm")
    @Description("La destination d'un bordereau papier traité le reporte sur la plateforme : sur le BSDD finalisé "
            + "préparé pour lui (id) ou en créant un BSDD.")
    public @NonNull Form importPaperForm(@Name("input") @NonNull ImportPaperFormInput input) {
        return paperImport.importPaperForm(caller(), input);
    }

    @Mutation("prepareSegment")
    @Description("Obsolète : utilisez createFormTransporter et la liste transporters.")
    @Deprecated
    public @NonNull TransportSegment prepareSegment(@Name("id") @NonNull @Id String id,
                                                    @Name("siret") @NonNull String siret,
                                                    @Name("nextSegmentInfo") @NonNull NextSegmentInfoInput nextSegmentInfo) {
        return segments.prepare(caller(), id, siret, nextSegmentInfo);
    }

    @Mutation("markSegmentAsReadyToTakeOver")
    @Description("Obsolète : un transporteur de la liste transporters peut signer dès que le précédent a signé.")
    @Deprecated
    public @NonNull TransportSegment markSegmentAsReadyToTakeOver(@Name("id") @NonNull @Id String id) {
        return segments.markReadyToTakeOver(caller(), id);
    }

    @Mutation("takeOverSegment")
    @Description("Obsolète : utilisez signTransportForm.")
    @Deprecated
    public @NonNull TransportSegment takeOverSegment(@Name("id") @NonNull @Id String id,
                                                     @Name("takeOverInfo") @NonNull TakeOverInput takeOverInfo) {
        return segments.takeOver(caller(), id, takeOverInfo);
    }

    @Mutation("editSegment")
    @Description("Obsolète : utilisez updateFormTransporter.")
    @Deprecated
    public @NonNull TransportSegment editSegment(@Name("id") @NonNull @Id String id,
                                                 @Name("siret") @NonNull String siret,
                                                 @Name("nextSegmentInfo") @NonNull NextSegmentInfoInput nextSegmentInfo) {
        return segments.edit(caller(), id, siret, nextSegmentInfo);
    }
}
