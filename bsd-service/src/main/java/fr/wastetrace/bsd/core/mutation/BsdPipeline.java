package fr.wastetrace.bsd.core.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.outbox.Outbox;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The mutation pipeline every type of the core runs through, inside the caller's transaction:
 * {@link #open} loads and locks the row, reads the caller's companies and checks that the caller sees the BSD;
 * the type's step then requires a permission verb, moves the status through its table, validates and applies
 * ({@link Mutation}); {@link #commit} writes the status log (when the status changed), saves the document and its
 * derived columns, and publishes the event through the outbox, all in the same transaction.
 */
@ApplicationScoped
public class BsdPipeline {
    private final DocumentStore store;
    private final CompanyDirectory directory;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public BsdPipeline(DocumentStore store, CompanyDirectory directory, Outbox outbox) {
        this.store = store;
        this.directory = directory;
        this.outbox = outbox;
    }

    public CallerCompanies companiesOf(CallerIdentity caller) {
        return directory.companiesOf(caller);
    }

    /** Reads a BSD the caller may see: {@code BAD_USER_INPUT} when it does not exist, {@code FORBIDDEN} when hidden. */
    public <D> BsdRecord<D> read(BsdType<D> type, CallerIdentity caller, String id) {
        BsdRecord<D> record = store.find(type.table(), id).orElseThrow(() -> Visibility.notFound(id));
        Visibility.checkCanRead(directory.companiesOf(caller), record, type.table().contributors().apply(record.data));
        return record;
    }

    /** Opens a mutation of an existing BSD: row locked, caller's companies read, read access checked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> Mutation<D> open(BsdType<D> type, CallerIdentity caller, String id) {
        CallerCompanies companies = directory.companiesOf(caller);
        BsdRecord<D> record = store.findForUpdate(type.table(), id).orElseThrow(() -> Visibility.notFound(id));
        Visibility.checkCanRead(companies, record, type.table().contributors().apply(record.data));
        return new Mutation<>(type, caller, companies, record, DocumentStore.state(record), false);
    }

    /**
     * Opens the change of another BSD that a mutation makes as its side effect (a grouping BSDA linking or releasing
     * its children, a processed one processing them): row locked, no read check, since the caller's right comes from
     * the mutation that causes it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> Mutation<D> openLinked(BsdType<D> type, CallerIdentity caller, String id) {
        CallerCompanies companies = directory.companiesOf(caller);
        BsdRecord<D> record = store.findForUpdate(type.table(), id).orElseThrow(() -> Visibility.notFound(id));
        return new Mutation<>(type, caller, companies, record, DocumentStore.state(record), false);
    }

    /**
     * Opens the creation of a BSD in {@code initialStatus}. A draft is visible only to the creator's companies present
     * on it; the caller must be able to create on one of the {@code creators} org ids.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> Mutation<D> create(BsdType<D> type, CallerIdentity caller, String id, D document, String initialStatus,
                                  boolean draft, Set<String> creators, String refusal) {
        CallerCompanies companies = directory.companiesOf(caller);
        if (!companies.can(fr.wastetrace.events.company.UserPermission.BSD_CAN_CREATE, creators)) {
            throw new ApiException.Forbidden(refusal);
        }
        Instant now = clock.instant();
        BsdRecord<D> record = new BsdRecord<>();
        record.id = id;
        record.status = initialStatus;
        record.version = 0;
        record.isDraft = draft;
        record.ownerSubject = caller.subject();
        record.createdAt = now;
        record.updatedAt = now;
        record.data = document;
        record.draftAccessOrgIds = Visibility.draftAccess(companies, type.table().contributors().apply(document));
        return new Mutation<>(type, caller, companies, record, null, true);
    }

    /** Saves the change, logs a status change and publishes the BSD's new state, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> BsdRecord<D> commit(Mutation<D> m, JsonNode updatedFields) {
        BsdRecord<D> record = m.record();
        record.version++;
        record.updatedAt = clock.instant();
        if (m.isNew()) {
            store.insert(m.type().table(), record);
        } else {
            store.update(m.type().table(), record);
        }
        if (m.statusChanged()) {
            store.logStatus(m.type().table().bsdType(), record.id, record.status, m.caller().subject(),
                    m.caller().email(), updatedFields);
        }
        BsdType.EventMapping events = m.type().events();
        outbox.publish(events.upserted(), events.aggregateType(), record.id, record.version, events.schemaVersion(),
                payload(record));
        return record;
    }

    /** Marks the BSD deleted (it becomes invisible) and publishes its deletion with its last state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> BsdRecord<D> delete(Mutation<D> m) {
        BsdRecord<D> record = m.record();
        record.isDeleted = true;
        record.version++;
        record.updatedAt = clock.instant();
        store.update(m.type().table(), record);
        BsdType.EventMapping events = m.type().events();
        outbox.publish(events.deleted(), events.aggregateType(), record.id, record.version, events.schemaVersion(),
                payload(record));
        return record;
    }

    /** The event payload: the BSD's full state (its GraphQL shape) plus {@code version} and {@code isDeleted}. */
    public static <D> ObjectNode payload(BsdRecord<D> record) {
        ObjectNode state = DocumentStore.state(record);
        state.put("version", record.version);
        state.put("isDeleted", record.isDeleted);
        return state;
    }

    /** The state of a record as the store writes it (what {@link Mutation#changedPaths} compares). */
    public static <D> ObjectNode state(BsdRecord<D> record) {
        return DocumentStore.state(record);
    }

    /** Deep copy of a document, through its JSON. */
    public static <D> D copy(D document, Class<D> type) {
        return EventCodec.mapper().convertValue(EventCodec.mapper().valueToTree(document), type);
    }
}
