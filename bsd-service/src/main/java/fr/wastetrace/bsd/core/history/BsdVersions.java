package fr.wastetrace.bsd.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.lifecycle.JsonDiff;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The versions of every BSD (table {@code bsd_version}): the pipeline records each version's state, author and time
 * in the transaction of the change; a version's changed fields are the paths that differ from the previous version's
 * state, bookkeeping ({@code version}, {@code updatedAt}) aside. Only paths are shown, never past values: whoever may
 * read the BSD may read its history without seeing more than the BSD shows.
 */
@ApplicationScoped
public class BsdVersions {
    /** State paths every change moves, which say nothing of what changed. */
    private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt");

    private final Jdbc jdbc;

    @Inject
    public BsdVersions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records version {@code version} of the BSD, whose full state is {@code state} (its JSON text, as the outbox
     * event carries it), written by {@code caller}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String bsdType, String id, long version, Instant at, CallerIdentity caller, String state) {
        jdbc.update("insert into bsd_version (bsd_type, bsd_id, version, written_at, user_id, user_email, state) "
                        + "values (?, ?, ?, ?, ?, ?, ?::jsonb)",
                Arrays.asList(bsdType, id, version, Timestamp.from(at),
                        caller.isAuthenticated() ? caller.subject() : null, caller.email(), state));
    }

    /** The recorded versions of each of {@code ids}, oldest first, with the fields each changed. */
    public Map<String, List<WastetraceBsdVersion>> of(String bsdType, Collection<String> ids) {
        Map<String, List<WastetraceBsdVersion>> byId = new LinkedHashMap<>();
        ids.forEach(id -> byId.put(id, new ArrayList<>()));
        Map<String, JsonNode> previous = new LinkedHashMap<>();
        jdbc.query("select bsd_id, version, written_at, user_id, user_email, state from bsd_version "
                        + "where bsd_type = ? and bsd_id = any(?) order by bsd_id, version",
                List.of(bsdType, ids.toArray(String[]::new)), rs -> {
                    String id = rs.getString(1);
                    WastetraceBsdVersion v = new WastetraceBsdVersion();
                    v.version = rs.getInt(2);
                    v.writtenAt = rs.getTimestamp(3).toInstant();
                    v.userId = rs.getString(4);
                    v.userEmail = rs.getString(5);
                    JsonNode state = read(rs.getString(6));
                    JsonNode before = previous.put(id, state);
                    if (v.version == 1) {
                        v.changedFields = List.of();
                    } else if (before != null && before.path("version").asLong() == v.version - 1) {
                        v.changedFields = changedFields(before, state);
                    }
                    byId.get(id).add(v);
                    return v;
                });
        return byId;
    }

    /** {@link #of}, as a batched GraphQL field wants it: one list per id, in the order of {@code ids}. */
    public List<List<WastetraceBsdVersion>> inOrder(String bsdType, List<String> ids) {
        Map<String, List<WastetraceBsdVersion>> byId = of(bsdType, ids);
        return ids.stream().map(id -> byId.getOrDefault(id, List.of())).toList();
    }

    static List<String> changedFields(JsonNode before, JsonNode after) {
        return JsonDiff.changedPaths(before, after).stream().filter(path -> !BOOKKEEPING.contains(path)).toList();
    }

    private static JsonNode read(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable bsd_version state", e);
        }
    }
}
