package fr.wastetrace.bsd.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps {@code bsd_search} from the BSD events of every type, in the transaction of the change ({@link
 * SearchIndexingOutbox}): an upsert writes the type's {@link SearchEntry} and the state, a deletion removes the row.
 * Other events, and those of a type without a {@link BsdSearchMapper}, are ignored.
 */
@ApplicationScoped
public class BsdSearchProjection {
    private final Jdbc jdbc;
    private final Map<String, BsdSearchMapper> mappers = new HashMap<>();

    @Inject
    public BsdSearchProjection(Jdbc jdbc, Instance<BsdSearchMapper> mappers) {
        this.jdbc = jdbc;
        for (BsdSearchMapper mapper : mappers) {
            if (this.mappers.putIfAbsent(mapper.aggregateType(), mapper) != null) {
                throw new IllegalStateException("two search mappers for " + mapper.aggregateType());
            }
        }
    }

    public Optional<BsdSearchMapper> mapper(String aggregateType) {
        return Optional.ofNullable(mappers.get(aggregateType));
    }

    /** Applies one event of the outbox (its payload is the BSD's full state; a deletion is {@code <type>.deleted}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventType, String aggregateType, String aggregateId, Object payload) {
        JsonNode state = payload instanceof JsonNode node ? node : EventCodec.mapper().valueToTree(payload);
        apply(eventType, aggregateType, aggregateId, state, null);
    }

    /** {@link #apply(String, String, String, Object)} of a state whose JSON text {@code json} is already made, if not null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventType, String aggregateType, String aggregateId, JsonNode state, String json) {
        BsdSearchMapper mapper = mappers.get(aggregateType);
        boolean upserted = eventType.equals(aggregateType + ".upserted");
        if (mapper == null || !upserted && !eventType.equals(aggregateType + ".deleted")) {
            return;
        }
        if (!upserted || state.path("isDeleted").asBoolean(false)) {
            execute("delete from bsd_search where id = ?", aggregateId);
            return;
        }
        boolean draft = state.path("isDraft").asBoolean(false) || "DRAFT".equals(state.path("status").asText());
        SearchEntry e = mapper.entry(state, draft ? mapper.draftAccess(aggregateId) : Set.of());
        Map<BsdTab, Set<String>> tabs = e.tabs();
        execute("""
                insert into bsd_search (id, bsd_type, sub_type, readable_id, custom_id, status, is_draft, created_at,
                    updated_at, waste_code, waste_description, emitter_org_id, emitter_name, destination_org_id,
                    destination_name, transporter_org_ids, transporter_plates, org_ids, is_draft_for, is_for_action_for,
                    is_follow_for, is_archived_for, is_to_collect_for, is_collected_for, is_return_for, search_text,
                    state, seq)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),
                    nextval('bsd_search_seq'))
                on conflict (id) do update set bsd_type = excluded.bsd_type, sub_type = excluded.sub_type,
                    readable_id = excluded.readable_id, custom_id = excluded.custom_id, status = excluded.status,
                    is_draft = excluded.is_draft, created_at = excluded.created_at, updated_at = excluded.updated_at,
                    waste_code = excluded.waste_code, waste_description = excluded.waste_description,
                    emitter_org_id = excluded.emitter_org_id, emitter_name = excluded.emitter_name,
                    destination_org_id = excluded.destination_org_id, destination_name = excluded.destination_name,
                    transporter_org_ids = excluded.transporter_org_ids,
                    transporter_plates = excluded.transporter_plates, org_ids = excluded.org_ids,
                    is_draft_for = excluded.is_draft_for, is_for_action_for = excluded.is_for_action_for,
                    is_follow_for = excluded.is_follow_for, is_archived_for = excluded.is_archived_for,
                    is_to_collect_for = excluded.is_to_collect_for, is_collected_for = excluded.is_collected_for,
                    is_return_for = excluded.is_return_for, search_text = excluded.search_text,
                    state = excluded.state, seq = excluded.seq
                """, e.id(), e.type().name(), e.subType().name(), e.readableId(), e.customId(), e.status(),
                e.isDraft(), e.createdAt(), e.updatedAt(), e.wasteCode(), e.wasteDescription(),
                e.emitter() == null ? null : e.emitter().orgId(), e.emitter() == null ? null : e.emitter().name(),
                e.destination() == null ? null : e.destination().orgId(),
                e.destination() == null ? null : e.destination().name(),
                e.transporters().stream().map(SearchEntry.Party::orgId).filter(Objects::nonNull).toList(),
                e.transporterPlates(), e.orgIds(), tabs.get(BsdTab.DRAFT), tabs.get(BsdTab.FOR_ACTION),
                tabs.get(BsdTab.FOLLOW), tabs.get(BsdTab.ARCHIVED), tabs.get(BsdTab.TO_COLLECT),
                tabs.get(BsdTab.COLLECTED), tabs.get(BsdTab.RETURN), e.searchText(), json != null ? json : state.toString());
    }

    private void execute(String sql, Object... params) {
        List<Object> values = new ArrayList<>();
        for (Object p : params) {
            values.add(p instanceof Collection<?> texts ? new SqlFilter.TextArray(texts.stream().map(String::valueOf)
                    .toList()) : p instanceof Instant instant ? Timestamp.from(instant) : p);
        }
        jdbc.update(sql, values);
    }
}
