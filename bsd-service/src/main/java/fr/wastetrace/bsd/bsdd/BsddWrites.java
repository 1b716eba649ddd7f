package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.signature.SecurityCodeGuard;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The BSDD's side of the core's mutation pipeline ({@link BsdPipeline}, with {@link BsddType}): opening a BSDD for a
 * change (row locked after its appendix-1 container, read access checked), the lifecycle table step, the signer
 * check, the companies named on it, and committing it (status log, save, outbox event, one transaction). Every commit
 * fires {@link BsddWritten}, which the groupings observe (no service calls back into this one).
 */
@ApplicationScoped
public class BsddWrites {
    private static final DateTimeFormatter READABLE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** Merges a client's partial input into a stored document: nested objects merge, lists are replaced. */
    static final ObjectMapper MERGE = EventCodec.mapper().copy().setDefaultMergeable(true);


    static {
        MERGE.configOverride(List.class).setMergeable(false);
        MERGE.configOverride(ArrayList.class).setMergeable(false);
    }

    @Inject
    BsdPipeline pipeline;

    @Inject
    BsddType type;

    @Inject
    BsddRepository forms;

    @Inject
    CompanyDirectory directory;

    @Inject
    SecurityCodeGuard securityCodes;

    /** A BSDD opened for a change by the pipeline: the record (with its transporters) and the caller's companies. */
    record Loaded(Mutation<BsddData> mutation) {
        BsddRecord form() {
            return BsddType.form(mutation.record());
        }

        List<TransporterRecord> transporters() {
            return form().transporters;
        }

        List<Transporter> transporterData() {
            return form().transporterData();
        }

        CallerCompanies companies() {
            return mutation.companies();
        }

        CallerIdentity caller() {
            return mutation.caller();
        }
    }

    /** Opens a change of a BSDD the caller may see: locked (after its appendix-1 container), read access checked. */
    Loaded open(CallerIdentity caller, String id) {
        return new Loaded(pipeline.open(type, caller, id));
    }

    /**
     * Opens, locked as {@link #open} but with no read check, the change of a BSDD that another change makes as its
     * side effect, or whose step checks the caller's rights itself with refusals of its own (a paper import by the
     * destination, a transport segment by its transporter).
     */
    Loaded openLinked(CallerIdentity caller, String id) {
        return new Loaded(pipeline.openLinked(type, caller, id));
    }

    Optional<Loaded> openLinkedIfPresent(CallerIdentity caller, String id) {
        return pipeline.openLinkedIfPresent(type, caller, id).map(Loaded::new);
    }

    /**
     * Opens the creation of a draft BSDD with a new id and readable id; the caller's right to create it is checked
     * by the step, which knows what the BSDD will hold.
     */
    Loaded start(CallerIdentity caller, CallerCompanies companies, Instant now) {
        Loaded loaded = new Loaded(pipeline.start(type, caller, companies, Ids.newId(), new BsddData(),
                FormStatus.DRAFT.name(), true));
        loaded.form().readableId = newReadableId(now);
        return loaded;
    }

    /** Logs the BSDD's current status now (a step that moves it through several statuses logs each). */
    void log(Loaded loaded, JsonNode updatedFields) {
        loaded.mutation().logStatus(updatedFields);
    }

    /** Saves the change and publishes it; the status log gets the new status if not logged yet. */
    Form save(Loaded loaded, JsonNode updatedFields) {
        BsddRecord form = BsddType.form(pipeline.commit(loaded.mutation(), updatedFields));
        return BsddViews.of(form, form.transporters);
    }

    Form save(Loaded loaded) {
        return save(loaded, null);
    }

    /** Marks the BSDD deleted and publishes its deletion. */
    Form softDelete(Loaded loaded) {
        BsddRecord form = BsddType.form(pipeline.delete(loaded.mutation()));
        return BsddViews.of(form, form.transporters);
    }

    void detachRemoved(List<TransporterRecord> before, List<TransporterRecord> after) {
        for (TransporterRecord old : before) {
            if (after.stream().noneMatch(t -> t.id().equals(old.id()))) {
                forms.deleteTransporter(old.id());
            }
        }
    }

    void saveTransporter(TransporterRecord t, boolean isNew) {
        forms.saveTransporter(t, isNew);
    }

    void checkSigner(CallerIdentity caller, CallerCompanies companies, String signerOrgId, Integer securityCode,
                             boolean allowedDirectly) {
        if (allowedDirectly) {
            return;
        }
        if (securityCode == null || signerOrgId == null) {
            throw new ApiException.Forbidden("Vous n'êtes pas habilité à signer pour cet acteur : signez depuis un compte "
                    + "de l'entreprise concernée ou saisissez son code de signature.");
        }
        Integer expected = directory.byOrgId(signerOrgId).map(CompanyView::securityCode).orElse(null);
        securityCodes.check(caller.subject(), signerOrgId, expected, securityCode);
    }

    static void refuseIfCanceled(BsddRecord form) {
        if (BsddLifecycle.isCanceled(form.status())) {
            throw new ApiException.Forbidden("Ce bordereau a été annulé : plus aucune action n'est possible.");
        }
    }

    static FormStatus transition(BsddRecord form, BsddEvent event, BsddFacts facts) {
        refuseIfCanceled(form);
        return BsddLifecycle.next(form.status(), event, facts).orElseThrow(() -> new ApiException.BadUserInput(
                "Cette action n'est pas possible sur un bordereau au statut " + form.status + "."));
    }

    /** The facts of the table's guards that the stored BSDD and its transporters give (no input's answers). */
    static BsddFacts facts(BsddRecord form) {
        Emitter e = form.data.emitter;
        boolean autoSign = e != null && (Boolean.TRUE.equals(e.isPrivateIndividual) || Boolean.TRUE.equals(e.isForeignShip));
        long left = form.transporters.stream().filter(t -> t.data.takenOverAt == null).count();
        return BsddFacts.none()
                .withDirectSupply(Boolean.TRUE.equals(form.data.isDirectSupply))
                .withEmitterSigningAutomatically(autoSign)
                .withEmissionSignatureSkippable(autoSign)
                .withAppendix1Item(e != null && e.type == EmitterType.APPENDIX1_PRODUCER)
                .withTransportersLeftToSign((int) left);
    }

    Map<String, CompanyView> known(BsddData data, List<TransporterRecord> transporters) {
        Set<String> orgIds = new HashSet<>(BsddPermissions.contributors(data, data(transporters)));
        Map<String, CompanyView> known = new HashMap<>();
        if (!orgIds.isEmpty()) {
            directory.byOrgIds(orgIds).forEach(c -> known.put(c.orgId(), c));
        }
        return known;
    }

    String newReadableId(Instant now) {
        String prefix = "BSD-" + READABLE_DAY.format(now) + "-";
        String candidate;
        do {
            candidate = prefix + Ids.base32(9);
        } while (forms.readableIdExists(candidate));
        return candidate;
    }

    static JsonNode patch(Object input) {
        return Patches.of(input);
    }

    static List<Transporter> data(List<TransporterRecord> transporters) {
        return transporters.stream().map(t -> t.data).toList();
    }

    static BsddData copy(BsddData data) {
        return copy(data, BsddData.class);
    }

    static <T> T copy(T value, Class<T> type) {
        return value == null ? null : EventCodec.mapper().convertValue(EventCodec.mapper().valueToTree(value), type);
    }

    static TransporterRecord copy(TransporterRecord t) {
        TransporterRecord c = new TransporterRecord();
        c.formId = t.formId;
        c.number = t.number;
        c.createdAt = t.createdAt;
        c.data = copy(t.data, Transporter.class);
        return c;
    }
}
