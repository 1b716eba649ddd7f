package fr.wastetrace.bsd.core.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.identity.CallerIdentity;

import java.util.Optional;

/**
 * Where the mutation pipeline reads, locks, writes and logs the BSDs of one type, and how it states them in their
 * events. The types stored in a document table get theirs from {@link DocumentStore#of}; a type with storage of its
 * own (the BSDD: its transporters in a table of their own, its readable id, its status log) supplies its
 * implementation. Every method runs in the caller's transaction.
 */
public interface BsdStore<D> {

    /** The BSD, unless it does not exist or was deleted. */
    Optional<BsdRecord<D>> find(String id);

    /** The BSD with its row locked until the end of the transaction (after whatever must be locked before it). */
    Optional<BsdRecord<D>> findForUpdate(String id);

    /** An empty record of the type, for a creation. */
    BsdRecord<D> newRecord();

    void insert(BsdRecord<D> record);

    void update(BsdRecord<D> record);

    /** One row of the BSD's status log: its current status, who and what changed. */
    void logStatus(BsdRecord<D> record, CallerIdentity caller, JsonNode updatedFields);

    /**
     * The BSD's state as {@code Mutation#changedPaths} compares it, taken when a mutation opens; {@code null} for a
     * type whose steps compare their own snapshots (the BSDD), which spares a copy of the document per change.
     */
    default ObjectNode state(BsdRecord<D> record) {
        return null;
    }

    /** The event payload: the BSD's full state as its GraphQL type, with {@code version} and {@code isDeleted}. */
    ObjectNode payload(BsdRecord<D> record);

    /** Called once the change is saved and its event is in the outbox (same transaction). */
    default void written(BsdRecord<D> record) {
    }
}
