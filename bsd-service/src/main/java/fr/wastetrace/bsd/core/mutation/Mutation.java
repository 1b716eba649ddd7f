package fr.wastetrace.bsd.core.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.core.lifecycle.JsonDiff;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.BsdStore;
import fr.wastetrace.bsd.core.signature.chain.SignatureMark;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One mutation of one BSD in progress, opened by {@link BsdPipeline} (row locked, caller's companies read, read
 * access checked) and committed by it (status log, save, outbox event, one transaction). In between, the type's
 * step asks for a permission verb, moves the status through its transition table, validates and changes the
 * document.
 */
public final class Mutation<D> {
    private final BsdType<D> type;
    private final BsdStore<D> store;
    private final CallerIdentity caller;
    private final Supplier<CallerCompanies> companiesSource;
    private CallerCompanies companies;
    private final BsdRecord<D> record;
    private final ObjectNode before;
    private final boolean isNew;
    /** The status of the last row of the status log (before the mutation: the stored status; none for a new BSD). */
    private String loggedStatus;
    /** The signature this mutation records, chained by {@link BsdPipeline#commit}; none for other changes. */
    private SignatureMark signature;

    Mutation(BsdType<D> type, BsdStore<D> store, CallerIdentity caller, Supplier<CallerCompanies> companies,
             BsdRecord<D> record, ObjectNode before, boolean isNew) {
        this.type = type;
        this.store = store;
        this.caller = caller;
        this.companiesSource = companies;
        this.record = record;
        this.before = before;
        this.loggedStatus = isNew ? null : record.status;
        this.isNew = isNew;
    }

    public BsdType<D> type() {
        return type;
    }

    public CallerIdentity caller() {
        return caller;
    }

    /** The caller's companies (read once, when first needed: a side effect's change may never ask). */
    public CallerCompanies companies() {
        if (companies == null) {
            companies = companiesSource.get();
        }
        return companies;
    }

    public BsdRecord<D> record() {
        return record;
    }

    public D document() {
        return record.data;
    }

    BsdStore<D> store() {
        return store;
    }

    public boolean isNew() {
        return isNew;
    }

    boolean statusUnlogged() {
        return !record.status.equals(loggedStatus);
    }

    /**
     * Writes a row of the status log for the current status now: for a step that moves the BSD through several
     * statuses in one mutation (each is logged), or that logs without changing it. {@link BsdPipeline#commit} logs
     * the final status itself when it was not logged yet.
     */
    public void logStatus(JsonNode updatedFields) {
        store.logStatus(record, caller, updatedFields);
        loggedStatus = record.status;
    }

    /** Refuses ({@code FORBIDDEN}, the type's message) unless the caller may do {@code verb} through a company. */
    public Mutation<D> require(Verb verb) {
        if (!companies().can(verb.permission(), type.orgIdsAllowedTo(verb, record))) {
            throw new ApiException.Forbidden(type.refusal(verb, record));
        }
        return this;
    }

    /**
     * Moves the BSD through the type's table: the next status for {@code event} with {@code facts}, or
     * {@code BAD_USER_INPUT} when the table has no such move.
     */
    public <S extends Enum<S>, E extends Enum<E>, F> S transition(TransitionTable<S, E, F> table, Class<S> statuses,
                                                                  E event, F facts, String refusal) {
        S from = Enum.valueOf(statuses, record.status);
        S to = table.next(from, event, facts).orElseThrow(() -> new ApiException.BadUserInput(refusal));
        record.status = to.name();
        return to;
    }

    /** The state paths the step changed so far (re-sending an unchanged value is not a change). */
    public Set<String> changedPaths(JsonNode now) {
        if (before == null && !isNew) {
            throw new IllegalStateException("the store of " + type.getClass().getSimpleName()
                    + " keeps no state to compare");
        }
        return JsonDiff.changedPaths(before, now);
    }

    /**
     * Marks this mutation as recording a signature: {@link BsdPipeline#commit} adds it, with the BSD's state as
     * written, to the BSD's tamper-evident signature chain ({@code core.signature.chain}) in the same transaction.
     * A signature with no date of its own is dated now.
     */
    public Mutation<D> signed(String signatureType, Instant signedAt, String author, String orgId) {
        this.signature = new SignatureMark(signatureType, signedAt == null ? Instant.now() : signedAt, author, orgId);
        return this;
    }

    SignatureMark signature() {
        return signature;
    }
}
