package fr.wastetrace.bsd.core.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.history.BsdVersions;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.BsdStore;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.signature.chain.SignatureChain;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.outbox.Outbox;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * The mutation pipeline every type of the core runs through, inside the caller's transaction:
 * {@link #open} loads and locks the row, reads the caller's companies and checks that the caller sees the BSD;
 * the type's step then requires a permission verb, moves the status through its table, validates and applies
 * ({@link Mutation}); {@link #commit} writes the status log (when the status changed), saves the document and its
 * derived columns, publishes the event through the outbox and records the version ({@code BsdVersions}), all in the
 * same transaction.
 */
@ApplicationScoped
public class BsdPipeline {
    private final DocumentStore store;
    private final CompanyDirectory directory;
    private final Outbox outbox;
    private final BsdVersions versions;
    private final Clock clock = Clock.systemUTC();
    @Inject
    SignatureChain signatureChain;

    @Inject
    public BsdPipeline(DocumentStore store, CompanyDirectory directory, Outbox outbox, BsdVersions versions) {
        this.store = store;
        this.directory = directory;
        this.outbox = outbox;
        this.versions = versions;
    }

    /** Now, to the microsecond: what PostgreSQL keeps, so that an answer shows the time as it is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public CallerCompanies companiesOf(CallerIdentity caller) {
        return directory.companiesOf(caller);
    }

    /** Reads a BSD the caller may see: {@code BAD_USER_INPUT} when it does not exist, {@code FORBIDDEN} when hidden. */
    public <D> BsdRecord<D> read(BsdType<D> type, CallerIdentity caller, String id) {
        BsdRecord<D> record = type.store(store).find(id).orElseThrow(() -> Visibility.notFound(id));
        Visibility.checkCanReadThrough(directory.companiesOf(caller), type.readers(record));
        return record;
    }

    /**
     * Opens a mutation of an existing BSD: row locked, caller's companies read, read access checked, and the version
     * the client expects of it, if it gave one ({@link Writes}), checked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> Mutation<D> open(BsdType<D> type, CallerIdentity caller, String id) {
        CallerCompanies companies = directory.companiesOf(caller);
        BsdStore<D> bsds = type.store(store);
        BsdRecord<D> record = bsds.findForUpdate(id).orElseThrow(() -> Visibility.notFound(id));
        Visibility.checkCanReadThrough(companies, type.readers(record));
        Writes.checkExpected(id, record.version);
        return new Mutation<>(type, bsds, caller, () -> companies, record, bsds.state(record), false);
    }

    /**
     * Opens the change of another BSD that a mutation makes as its side effect (a grouping BSD linking or releasing
     * its children, a processed one processing them): row locked, no read check, since the caller's right comes from
     * the mutation that causes it. Empty when the BSD does not exist or was deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> Optional<Mutation<D>> openLinkedIfPresent(BsdType<D> type, CallerIdentity caller, String id) {
        BsdStore<D> bsds = type.store(store);
        return bsds.findForUpdate(id).map(record -> new Mutation<>(type, bsds, caller,
                () -> directory.companiesOf(caller), record, bsds.state(record), false));
    }

    /** {@link #openLinkedIfPresent}, {@code BAD_USER_INPUT} when the BSD does not exist or was deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> Mutation<D> openLinked(BsdType<D> type, CallerIdentity caller, String id) {
        return openLinkedIfPresent(type, caller, id).orElseThrow(() -> Visibility.notFound(id));
    }

    /**
     * Opens the creation of a BSD in {@code initialStatus}. A draft is visible only to the creator's companies present
     * on it; the caller must be able to create on one of the {@code creators} org ids.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> Mutation<D> create(BsdType<D> type, CallerIdentity caller, String id, D document, String initialStatus,
                                  boolean draft, Set<String> creators, String refusal) {
        CallerCompanies companies = directory.companiesOf(caller);
        if (!companies.can(UserPermission.BSD_CAN_CREATE, creators)) {
            throw new ApiException.Forbidden(refusal);
        }
        return start(type, caller, companies, id, document, initialStatus, draft);
    }

    /**
     * Opens the creation of a BSD whose type checked the caller's right to create it itself (a copy, an import),
     * otherwise as {@link #create}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> Mutation<D> start(BsdType<D> type, CallerIdentity caller, CallerCompanies companies, String id,
                                 D document, String initialStatus, boolean draft) {
        Instant now = now();
        BsdStore<D> bsds = type.store(store);
        BsdRecord<D> record = bsds.newRecord();
        record.id = id;
        record.status = initialStatus;
        record.version = 0;
        record.isDraft = draft;
        record.ownerSubject = caller.subject();
        record.createdAt = now;
        record.updatedAt = now;
        record.data = document;
        record.draftAccessOrgIds = Visibility.draftAccess(companies, type.contributors(record));
        return new Mutation<>(type, bsds, caller, () -> companies, record, null, true);
    }

    /**
     * Saves the change and publishes the BSD's new state, in the caller's transaction. The status log gets a row when
     * the status differs from the last one logged ({@code updatedFields}: the input as the log records it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> BsdRecord<D> commit(Mutation<D> m, JsonNode updatedFields) {
        BsdRecord<D> record = m.record();
        record.version++;
        record.updatedAt = now();
        if (m.isNew()) {
            m.store().insert(record);
        } else {
            m.store().update(record);
        }
        if (m.statusUnlogged()) {
            m.logStatus(updatedFields);
        }
        ObjectNode payload = m.store().payload(record);
        if (m.signature() != null) {
            signatureChain.append(m.type().events().aggregateType(), record.id, m.signature(), m.caller().subject(),
                    payload);
        }
        publish(m, m.type().events().upserted(), payload);
        return record;
    }

    /** Marks the BSD deleted (it becomes invisible) and publishes its deletion with its last state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D> BsdRecord<D> delete(Mutation<D> m) {
        BsdRecord<D> record = m.record();
        record.isDeleted = true;
        record.version++;
        record.updatedAt = now();
        m.store().update(record);
        publish(m, m.type().events().deleted(), m.store().payload(record));
        return record;
    }

    /** The event of the change, with the BSD's state {@code payload}, and the version it records. */
    private <D> void publish(Mutation<D> m, String eventType, ObjectNode payload) {
        BsdRecord<D> record = m.record();
        BsdType.EventMapping events = m.type().events();
        // serialised once: the outbox event, the search row and the version row hold the same text
        String json = payload.toString();
        outbox.publishJson(eventType, events.aggregateType(), record.id, record.version, events.schemaVersion(), payload, json);
        versions.record(events.aggregateType(), record.id, record.version, record.updatedAt, m.caller(), json);
        m.store().written(record);
    }

    /** The event payload of a document-table BSD: its full state (its GraphQL shape), {@code version}, {@code isDeleted}. */
    public static <D> ObjectNode payload(BsdRecord<D> record) {
        return DocumentStore.payload(record);
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
