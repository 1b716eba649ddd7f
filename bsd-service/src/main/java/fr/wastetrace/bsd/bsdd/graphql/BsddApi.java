package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.bsdd.BsddDeletion;
import fr.wastetrace.bsd.bsdd.BsddEditing;
import fr.wastetrace.bsd.bsdd.BsddQueries;
import fr.wastetrace.bsd.bsdd.BsddReception;
import fr.wastetrace.bsd.bsdd.BsddSigning;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormRole;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.FormsLifeCycleData;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.core.mutation.WastetraceWriteResult;
import fr.wastetrace.bsd.core.mutation.WriteArguments;
import fr.wastetrace.bsd.core.mutation.WriteOptions;
import fr.wastetrace.bsd.core.mutation.Writes;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Nullable;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;
import java.util.Map;

/** The BSDD ({@code Form}) operations of the contract. */
@GraphQLApi
public class BsddApi {
    @Inject
    Writes writes;
    @Inject
    Context graphQLContext;
    @Inject
    SecurityIdentity identity;
    @Inject
    BsddDeletion deletion;
    @Inject
    BsddEditing editing;
    @Inject
    BsddReception reception;
    @Inject
    BsddSigning signing;
    @Inject
    BsddQueries queries;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("form")
    @Description("Renvoie un BSDD à partir de son id ou de son readableId.")
    public @NonNull Form form(@Name("id") @Id String id, @Name("readableId") String readableId) {
        return queries.form(caller(), id, readableId);
    }

    @Query("forms")
    @Description("Renvoie les BSDD d'un établissement, du plus récent au plus ancien.")
    public @NonNull List<@NonNull Form> forms(@Name("siret") String siret, @Name("skip") Integer skip,
                                              @Name("cursorAfter") @Id String cursorAfter, @Name("first") Integer first,
                                              @Name("cursorBefore") @Id String cursorBefore, @Name("last") Integer last,
                                              @Name("sentAfter") String sentAfter,
                                              @Name("updatedAfter") String updatedAfter,
                                              @Name("status") @Nullable List<@NonNull FormStatus> status,
                                              @Name("roles") @Nullable List<@NonNull FormRole> roles,
                                              @Name("hasNextStep") Boolean hasNextStep,
                                              @Name("siretPresentOnForm") String siretPresentOnForm,
                                              @Name("wasteCode") String wasteCode, @Name("customId") String customId) {
        return queries.forms(caller(), siret, skip, cursorAfter, first, cursorBefore, last, sentAfter, updatedAfter,
                status, roles, hasNextStep, siretPresentOnForm, wasteCode, customId);
    }

    @Query("formsLifeCycle")
    @Description("Renvoie les changements de statut des BSDD d'un établissement, du plus récent au plus ancien.")
    public @NonNull FormsLifeCycleData formsLifeCycle(@Name("siret") String siret,
                                                      @Name("loggedBefore") String loggedBefore,
                                                      @Name("loggedAfter") String loggedAfter,
                                                      @Name("cursorAfter") String cursorAfter,
                                                      @Name("cursorBefore") String cursorBefore,
                                                      @Name("formId") @Id String formId) {
        return queries.lifeCycle(caller(), siret, loggedBefore, loggedAfter, cursorAfter, cursorBefore, formId);
    }

    @Mutation("createForm")
    @Description("Crée un BSDD en brouillon.")
    public @NonNull Form createForm(@Name("createFormInput") @NonNull CreateFormInput createFormInput,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.run(WriteOptions.dryRun(dryRun), null, () ->
                editing.create(caller(), EventCodec.mapper().convertValue(createFormInput, UpdateFormInput.class)));
    }

    @Mutation("updateForm")
    @Description("Modifie un BSDD : seuls les champs fournis changent.")
    public @NonNull Form updateForm(@Name("updateFormInput") @NonNull UpdateFormInput updateFormInput,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        updateFormInput.temporaryStorageDetailCleared = explicitNull("updateFormInput", "temporaryStorageDetail");
        return writes.run(WriteOptions.of(dryRun, expectedVersion), updateFormInput.id, () ->
                editing.update(caller(), updateFormInput));
    }

    @Mutation("saveForm")
    @Description("Obsolète : utilisez createForm ou updateForm.")
    @Deprecated
    public @NonNull Form saveForm(@Name("formInput") @NonNull FormInput formInput) {
        UpdateFormInput input = EventCodec.mapper().convertValue(formInput, UpdateFormInput.class);
        input.temporaryStorageDetailCleared = explicitNull("formInput", "temporaryStorageDetail");
        return formInput.id == null ? editing.create(caller(), input) : editing.update(caller(), input);
    }

    /** Whether the input object argument holds {@code field} with an explicit null (GraphQL tells null from absent). */
    private boolean explicitNull(String argument, String field) {
        Object raw = graphQLContext.getArgument(argument);
        return raw instanceof Map<?, ?> map && map.containsKey(field) && map.get(field) == null;
    }

    @Mutation("markAsSealed")
    @Description("Finalise un BSDD en brouillon, après avoir vérifié toutes les informations obligatoires.")
    public @NonNull Form markAsSealed(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> editing.seal(caller(), id));
    }

    @Mutation("signEmissionForm")
    @Description("Signature de l'émetteur (ou de l'éco-organisme), éventuellement avec son code de signature.")
    public @NonNull Form signEmissionForm(@Name("id") @NonNull @Id String id,
                                          @Name("input") @NonNull SignEmissionFormInput input,
                                          @Name("securityCode") Integer securityCode,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () ->
                signing.signEmission(caller(), id, input, securityCode));
    }

    @Mutation("signTransportForm")
    @Description("Signature d'enlèvement du prochain transporteur, éventuellement avec son code de signature.")
    public @NonNull Form signTransportForm(@Name("id") @NonNull @Id String id,
                                           @Name("input") @NonNull SignTransportFormInput input,
                                           @Name("securityCode") Integer securityCode,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () ->
                signing.signTransport(caller(), id, input, securityCode));
    }

    @Mutation("wastetraceSignEmissionForms")
    @Description("Appose la signature de l'émetteur (ou de l'éco-organisme) sur plusieurs BSDD : un résultat par "
            + "bordereau (signé, ou l'erreur qu'aurait donnée signEmissionForm sur ce seul bordereau).")
    public @NonNull List<@NonNull WastetraceWriteResult> wastetraceSignEmissionForms(
            @Name("ids") @NonNull @Description(WriteArguments.MANY_IDS) List<@NonNull String> ids,
            @Name("input") @NonNull SignEmissionFormInput input, @Name("securityCode") Integer securityCode,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.each(ids, WriteOptions.dryRun(dryRun), id -> signing.signEmission(caller(), id, input,
                securityCode));
    }

    @Mutation("wastetraceSignTransportForms")
    @Description("Appose la signature d'enlèvement du transporteur sur plusieurs BSDD : un résultat par bordereau "
            + "(signé, ou l'erreur qu'aurait donnée signTransportForm sur ce seul bordereau).")
    public @NonNull List<@NonNull WastetraceWriteResult> wastetraceSignTransportForms(
            @Name("ids") @NonNull @Description(WriteArguments.MANY_IDS) List<@NonNull String> ids,
            @Name("input") @NonNull SignTransportFormInput input, @Name("securityCode") Integer securityCode,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun) {
        return writes.each(ids, WriteOptions.dryRun(dryRun), id -> signing.signTransport(caller(), id, input,
                securityCode));
    }

    @Mutation("signedByTransporter")
    @Description("Obsolète : utilisez signEmissionForm puis signTransportForm.")
    @Deprecated
    public @NonNull Form signedByTransporter(@Name("id") @NonNull @Id String id,
                                             @Name("signingInfo") @NonNull TransporterSignatureFormInput signingInfo) {
        return signing.signedByTransporter(caller(), id, signingInfo);
    }

    @Mutation("markAsReceived")
    @Description("Réception du déchet par l'installation de destination, avec son acceptation si elle est décidée.")
    public @NonNull Form markAsReceived(@Name("id") @NonNull @Id String id,
                                        @Name("receivedInfo") @NonNull ReceivedFormInput receivedInfo,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () ->
                reception.receive(caller(), id, receivedInfo));
    }

    @Mutation("markAsAccepted")
    @Description("Acceptation (totale, partielle) ou refus du déchet réceptionné.")
    public @NonNull Form markAsAccepted(@Name("id") @NonNull @Id String id,
                                        @Name("acceptedInfo") @NonNull AcceptedFormInput acceptedInfo,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () ->
                reception.accept(caller(), id, acceptedInfo));
    }

    @Mutation("markAsProcessed")
    @Description("Signature du traitement par l'installation de destination.")
    public @NonNull Form markAsProcessed(@Name("id") @NonNull @Id String id,
                                         @Name("processedInfo") @NonNull ProcessedFormInput processedInfo,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () ->
                reception.process(caller(), id, processedInfo));
    }

    @Mutation("deleteForm")
    @Description("Supprime un BSDD en brouillon, finalisé ou signé par l'émetteur ; renvoie le BSDD supprimé.")
    public @NonNull Form deleteForm(@Name("id") @NonNull @Id String id,
            @Name("wastetraceDryRun") @Description(WriteArguments.DRY_RUN) Boolean dryRun,
            @Name("wastetraceExpectedVersion") @Description(WriteArguments.EXPECTED_VERSION) Integer expectedVersion) {
        return writes.run(WriteOptions.of(dryRun, expectedVersion), id, () -> deletion.delete(caller(), id));
    }

    @Mutation("duplicateForm")
    @Description("Crée un brouillon à partir d'un BSDD existant.")
    public @NonNull Form duplicateForm(@Name("id") @NonNull @Id String id) {
        return deletion.duplicate(caller(), id);
    }

    @Mutation("updateTransporterFields")
    @Description("Modifie la plaque et les informations libres du premier transporteur, avant l'enlèvement.")
    public @NonNull Form updateTransporterFields(@Name("id") @NonNull @Id String id,
                                                 @Name("transporterNumberPlate") String transporterNumberPlate,
                                                 @Name("transporterCustomInfo") String transporterCustomInfo) {
        return editing.updateTransporterFields(caller(), id, transporterNumberPlate, transporterCustomInfo);
    }

    @Mutation("createFormTransporter")
    @Description("Crée un transporteur, à rattacher ensuite à un BSDD par la liste transporters.")
    public Transporter createFormTransporter(@Name("input") @NonNull TransporterInput input) {
        return editing.createTransporter(caller(), input);
    }

    @Mutation("updateFormTransporter")
    @Description("Modifie un transporteur qui n'a pas encore signé.")
    public Transporter updateFormTransporter(@Name("id") @NonNull @Id String id,
                                             @Name("input") @NonNull TransporterInput input) {
        return editing.updateTransporter(caller(), id, input);
    }

    @Mutation("deleteFormTransporter")
    @Description("Supprime un transporteur qui n'a pas encore signé ; renvoie son id.")
    public @NonNull @Id String deleteFormTransporter(@Name("id") @NonNull @Id String id) {
        return editing.deleteTransporter(caller(), id);
    }
}
