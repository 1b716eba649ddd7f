package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.bsdd.persistence.GroupingRepository;
import fr.wastetrace.bsd.bsdd.persistence.StatusLogRecord;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.BsdStore;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsddEvents;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The BSDD as the core's mutation pipeline sees it. Unlike the document-table types, a BSDD keeps its transporters
 * in a table of their own ({@code bsdd_transporter}, where {@code createFormTransporter} makes them before they are
 * attached), has a readable id, and its own status log ({@code formsLifecycle}); so it supplies its store: a change
 * locks the container of an appendix-1 item before the item (the order the container's own changes take), and every
 * write fires {@link BsddWritten}, which the groupings observe.
 */
@ApplicationScoped
public class BsddType implements BsdType<BsddData> {
    private static final EventMapping EVENTS = new EventMapping(BsddEvents.AGGREGATE_TYPE, BsddEvents.UPSERTED,
            BsddEvents.DELETED, BsddEvents.SCHEMA_VERSION);

    @Inject
    BsddRepository forms;
    @Inject
    GroupingRepository groupings;
    @Inject
    Event<BsddWritten> written;

    private final Clock clock = Clock.systemUTC();
    private final BsdStore<BsddData> store = new Store();

    /** The BSDD behind a record of the pipeline: its store makes only {@link BsddRecord}s. */
    public static BsddRecord form(BsdRecord<BsddData> record) {
        return (BsddRecord) record;
    }

    @Override
    public BsdStore<BsddData> store(DocumentStore documents) {
        return store;
    }

    @Override
    public EventMapping events() {
        return EVENTS;
    }

    @Override
    public Set<String> contributors(BsdRecord<BsddData> record) {
        return BsddPermissions.contributors(record.data, form(record).transporterData());
    }

    /** A draft BSDD is seen through the creator's companies that are still on it. */
    @Override
    public Set<String> readers(BsdRecord<BsddData> record) {
        return BsddPermissions.readers(form(record), form(record).transporterData());
    }

    /**
     * Update and duplication through any company that sees the BSDD; deletion while it is a draft or sealed through
     * any of them, once the emitter (or the eco-organisme for it) signed only through that signer, never after.
     */
    @Override
    public Set<String> orgIdsAllowedTo(Verb verb, BsdRecord<BsddData> record) {
        return switch (verb) {
            case UPDATE, DUPLICATE -> readers(record);
            case DELETE -> switch (form(record).status()) {
                case DRAFT, SEALED -> readers(record);
                case SIGNED_BY_PRODUCER -> Optional.ofNullable(emissionSigner(record.data)).map(Set::of).orElse(Set.of());
                default -> Set.of();
            };
        };
    }

    /** The statuses in which a BSDD is still updated ({@code BsddLifecycle.isEditable}). */
    @Override
    public Optional<String> updateRefusal(BsdRecord<BsddData> record) {
        return BsddLifecycle.isEditable(form(record).status()) ? Optional.empty()
                : Optional.of("Ce bordereau est au statut " + record.status + " : il ne peut plus être modifié.");
    }

    @Override
    public String refusal(Verb verb, BsdRecord<BsddData> record) {
        return switch (verb) {
            case UPDATE -> "Votre rôle dans les entreprises du bordereau ne permet pas de le modifier.";
            case DUPLICATE -> "Votre rôle dans les entreprises du bordereau ne permet pas de le dupliquer.";
            case DELETE -> switch (form(record).status()) {
                case DRAFT, SEALED -> "Votre rôle dans les entreprises du bordereau ne permet pas de le supprimer.";
                case SIGNED_BY_PRODUCER -> Boolean.TRUE.equals(record.data.emittedByEcoOrganisme)
                        ? "L'éco-organisme a signé ce bordereau : lui seul peut encore le supprimer."
                        : "L'émetteur a signé ce bordereau : lui seul peut encore le supprimer.";
                default -> "Un bordereau ne peut être supprimé qu'en brouillon, finalisé ou signé par l'émetteur ; "
                        + "celui-ci a déjà été pris en charge.";
            };
        };
    }

    private static String emissionSigner(BsddData data) {
        if (Boolean.TRUE.equals(data.emittedByEcoOrganisme)) {
            return data.ecoOrganisme == null ? null : data.ecoOrganisme.siret;
        }
        return data.emitter == null ? null : BsddPermissions.orgId(data.emitter.company);
    }

    /** BSDDs in {@code bsdd}, their transporters in {@code bsdd_transporter}, their log in {@code bsdd_status_log}. */
    private final class Store implements BsdStore<BsddData> {
        @Override
        public Optional<BsdRecord<BsddData>> find(String id) {
            return forms.find(id).map(this::withTransporters);
        }

        @Override
        public Optional<BsdRecord<BsddData>> findForUpdate(String id) {
            groupings.lockContainerOf(id);
            return forms.findForUpdate(id).map(this::withTransporters);
        }

        private BsdRecord<BsddData> withTransporters(BsddRecord form) {
            form.transporters = forms.transporters(form.id);
            return form;
        }

        @Override
        public BsdRecord<BsddData> newRecord() {
            return new BsddRecord();
        }

        /** The new BSDD, then its transporters (new ones, or made before by createFormTransporter). */
        @Override
        public void insert(BsdRecord<BsddData> record) {
            BsddRecord form = form(record);
            forms.insert(form, form.transporters);
            form.transporters.forEach(t -> forms.saveTransporter(t, true));
        }

        /** The BSDD's row; its transporters are written by the steps that change them. */
        @Override
        public void update(BsdRecord<BsddData> record) {
            BsddRecord form = form(record);
            forms.update(form, form.transporters);
        }

        @Override
        public void logStatus(BsdRecord<BsddData> record, CallerIdentity caller, JsonNode updatedFields) {
            BsddRecord form = form(record);
            forms.insertStatusLog(new StatusLogRecord(Ids.newId(), form.id, form.readableId, form.status(),
                    clock.instant(), updatedFields == null ? EventCodec.mapper().createObjectNode() : updatedFields,
                    caller.subject(), caller.email()));
        }

        @Override
        public ObjectNode payload(BsdRecord<BsddData> record) {
            BsddRecord form = form(record);
            return (ObjectNode) BsddViews.payload(BsddViews.of(form, form.transporters));
        }

        /** The groupings follow every write but a deletion, which {@code BsddDeletion} hands them itself. */
        @Override
        public void written(BsdRecord<BsddData> record) {
            if (!record.isDeleted) {
                written.fire(new BsddWritten(form(record)));
            }
        }
    }
}
