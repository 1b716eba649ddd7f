package fr.wastetrace.bsd.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a BSD type gives the search across types: one CDI bean per type, in the type's package, picked by the
 * aggregate type of its events. It maps the full state its events carry ({@code xxx.upserted}) to a search entry and
 * back to its GraphQL object, and reads one BSD with its own permission check. BSDA and BSFF plug in with a
 * class like {@code bspaoh.BspaohSearch} and {@code implements Bsd} on their GraphQL object.
 */
public interface BsdSearchMapper {

    /** The {@code aggregateType} of the type's events ({@code bsdd}, {@code bsvhu}, {@code bspaoh}…). */
    String aggregateType();

    /**
     * The entry of one state of the BSD; {@code draftAccess} is, for a draft, the creator's companies on it (events do
     * not carry it: {@link #draftAccess} reads it in the write's transaction).
     */
    SearchEntry entry(JsonNode state, Set<String> draftAccess);

    /** The companies that see the draft {@code id}, read from the type's storage. */
    Set<String> draftAccess(String id);

    /** The GraphQL object of a state, as the type's queries show it. */
    Bsd node(JsonNode state);

    /** The BSD as {@code caller} may read it (the type's own errors: not found, forbidden). */
    Bsd read(CallerIdentity caller, String id);

    /**
     * The backfill's work ({@link SearchBackfill}): ids of the type's BSDs, deleted ones left out, that have no row in
     * {@code bsd_search} yet (written before the search existed, or while it was off), oldest first, at most
     * {@code limit}.
     */
    List<String> unindexed(int limit);

    /**
     * The state of one BSD as its {@code …upserted} events carry it, its row locked for the rest of the transaction (so
     * that a concurrent change waits and indexes after it); empty when it is deleted or gone.
     */
    Optional<JsonNode> lockedState(String id);

    /** The record of a core type's state (its event payload), for the type's view of it. */
    static <D> BsdRecord<D> record(JsonNode state, Class<D> documentClass) {
        BsdRecord<D> record = new BsdRecord<>();
        record.data = EventCodec.mapper().convertValue(state, documentClass);
        record.id = state.path("id").asText();
        record.status = state.path("status").asText();
        record.isDraft = state.path("isDraft").asBoolean(false);
        record.version = state.path("version").asLong();
        record.createdAt = EventCodec.mapper().convertValue(state.get("createdAt"), Instant.class);
        record.updatedAt = EventCodec.mapper().convertValue(state.get("updatedAt"), Instant.class);
        return record;
    }
}
