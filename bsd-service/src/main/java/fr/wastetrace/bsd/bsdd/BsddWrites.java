package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.persistence.FormRecord;
import fr.wastetrace.bsd.bsdd.persistence.FormRepository;
import fr.wastetrace.bsd.bsdd.persistence.GroupingRepository;
import fr.wastetrace.bsd.bsdd.persistence.StatusLogRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.signature.SecurityCodeGuard;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsddEvents;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.outbox.Outbox;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The BSDD write path every BSDD mutation shares: locking a BSDD (after its appendix-1 container), the lifecycle table
 * step, the signer check, the companies named on it, saving with its event (outbox) and status log, soft deletion.
 * After every write it fires {@link BsddWritten}, which the groupings observe (no service calls back into this one).
 */
@ApplicationScoped
public class BsddWrites {
    @Inject
    Event<BsddWritten> written;

    private static final DateTimeFormatter READABLE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** Merges a client's partial input into a stored document: nested objects merge, lists are replaced. */
    static final ObjectMapper MERGE = EventCodec.mapper().copy().setDefaultMergeable(true);

    static final ObjectMapper PATCH = EventCodec.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static {
        MERGE.configOverride(List.class).setMergeable(false);
        MERGE.configOverride(ArrayList.class).setMergeable(false);
    }

    @Inject
    FormRepository forms;

    @Inject
    CompanyDirectory directory;

    @Inject
    Outbox outbox;

    @Inject
    SecurityCodeGuard securityCodes;

    @Inject
    GroupingRepository groupingRepository;

    private final Clock clock = Clock.systemUTC();

    /** A BSDD loaded for a change, with its transporters. */
    record Loaded(FormRecord form, List<TransporterRecord> transporters) {
        List<Transporter> transporterData() {
            return data(transporters);
        }
    }

    void detachRemoved(List<TransporterRecord> before, List<TransporterRecord> after) {
        for (TransporterRecord old : before) {
            if (after.stream().noneMatch(t -> t.id().equals(old.id()))) {
                forms.deleteTransporter(old.id());
            }
        }
    }

    void saveTransporter(TransporterRecord t, boolean isNew) {
        if (isNew && forms.findTransporterForUpdate(t.id()).isEmpty()) {
            forms.insertTransporter(t);
        } else {
            forms.updateTransporter(t);
        }
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

    static void refuseIfCanceled(FormRecord form) {
        if (BsddLifecycle.isCanceled(form.status)) {
            throw new ApiException.Forbidden("Ce bordereau a été annulé : plus aucune action n'est possible.");
        }
    }

    /** Marks the BSDD deleted and publishes its deletion. */
    Form softDelete(FormRecord form, List<TransporterRecord> transporters) {
        form.isDeleted = true;
        form.version++;
        form.updatedAt = clock.instant();
        forms.update(form, transporters);
        Form view = FormViews.of(form, transporters);
        outbox.publish(BsddEvents.DELETED, BsddEvents.AGGREGATE_TYPE, form.id, form.version, BsddEvents.SCHEMA_VERSION,
                FormViews.payload(view));
        return view;
    }

    /** Locks a BSDD for a change, after the container of its dedicated round if it is an appendix-1 item. */
    Loaded lock(String id) {
        groupingRepository.lockContainerOf(id);
        FormRecord form = forms.findForUpdate(id).orElseThrow(() -> BsddPermissions.notFound(id));
        return new Loaded(form, forms.transporters(form.id));
    }

    static FormStatus transition(FormRecord form, BsddEvent event, BsddFacts facts) {
        refuseIfCanceled(form);
        return BsddLifecycle.next(form.status, event, facts).orElseThrow(() -> new ApiException.BadUserInput(
                "Cette action n'est pas possible sur un bordereau au statut " + form.status + "."));
    }

    static BsddFacts facts(FormRecord form, Loaded loaded) {
        Emitter e = form.data.emitter;
        boolean autoSign = e != null && (Boolean.TRUE.equals(e.isPrivateIndividual) || Boolean.TRUE.equals(e.isForeignShip));
        long left = loaded.transporters().stream().filter(t -> t.data.takenOverAt == null).count();
        return BsddFacts.none()
                .withDirectSupply(Boolean.TRUE.equals(form.data.isDirectSupply))
                .withEmitterSigningAutomatically(autoSign)
                .withEmissionSignatureSkippable(autoSign)
                .withAppendix1Item(e != null && e.type == EmitterType.APPENDIX1_PRODUCER)
                .withTransportersLeftToSign((int) left);
    }

    Map<String, CompanyView> known(FormData data, List<TransporterRecord> transporters) {
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

    Form save(FormRecord form, List<TransporterRecord> transporters, Instant now) {
        form.version++;
        form.updatedAt = now;
        forms.update(form, transporters);
        return publish(form, transporters);
    }

    Form publish(FormRecord form, List<TransporterRecord> transporters) {
        Form view = FormViews.of(form, transporters);
        outbox.publish(BsddEvents.UPSERTED, BsddEvents.AGGREGATE_TYPE, form.id, form.version, BsddEvents.SCHEMA_VERSION,
                FormViews.payload(view));
        written.fire(new BsddWritten(form));
        return view;
    }

    void log(FormRecord form, CallerIdentity caller, JsonNode updatedFields) {
        forms.insertStatusLog(new StatusLogRecord(Ids.newId(), form.id, form.readableId, form.status, clock.instant(),
                updatedFields == null ? EventCodec.mapper().createObjectNode() : updatedFields, caller.subject(),
                caller.email()));
    }

    static JsonNode patch(Object input) {
        return PATCH.valueToTree(input);
    }

    static List<Transporter> data(List<TransporterRecord> transporters) {
        return transporters.stream().map(t -> t.data).toList();
    }

    static FormData copy(FormData data) {
        return copy(data, FormData.class);
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
