package fr.wastetrace.bsd.core.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search across every BSD type ({@code bsds}) and the read of any BSD by its id ({@code bsd}), on the projection
 * {@code bsd_search}: one query per page whatever the types, newest change first (or in the order asked), limited to
 * the BSDs the caller's companies may list.
 */
@ApplicationScoped
public class BsdSearch {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;
    private static final Map<String, String> ORDER_COLUMNS = Map.of("readableId", "readable_id", "type", "bsd_type",
            "wasteCode", "waste_code", "emitterCompanyName", "emitter_name",
            "destinationCompanyName", "destination_name");

    @Inject
    BsdPipeline pipeline;
    @Inject
    BsdSearchProjection projection;
    @Inject
    Jdbc jdbc;

    private record Row(String id, String aggregateType, JsonNode state, long seq, String sortKey) {
    }

    public BsdConnection bsds(CallerIdentity caller, String clue, BsdWhere where, String after, Integer first,
                              OrderBy orderBy) {
        if (first != null && (first < 1 || first > MAX_PAGE)) {
            throw new ApiException.BadUserInput("Le paramètre `first` doit être compris entre 1 et " + MAX_PAGE);
        }
        int size = first == null ? DEFAULT_PAGE : first;
        List<String> listable = List.copyOf(pipeline.companiesOf(caller).orgIdsWith(UserPermission.BSD_CAN_LIST));
        SqlFilter filter = SqlFilter.and(List.of(SqlFilter.of("org_ids && ?", new SqlFilter.TextArray(listable)),
                BsdWhereFilter.of(where), BsdWhereFilter.clue(clue)));
        String sortColumn = null;
        boolean ascending = false;
        if (orderBy != null) {
            for (Map.Entry<String, OrderType> asked : orders(orderBy).entrySet()) {
                sortColumn = "coalesce(" + ORDER_COLUMNS.get(asked.getKey()) + ", '')";
                ascending = asked.getValue() == OrderType.ASC;
            }
        }
        String sortKey = sortColumn == null ? "''" : sortColumn;
        List<Object> params = new ArrayList<>(filter.params());
        String keyset = "";
        if (after != null) {
            Row cursor = rows("select id, bsd_type, state, seq, " + sortKey + " from bsd_search where id = ?",
                    List.of(after)).stream().findFirst()
                    .orElseThrow(() -> new ApiException.BadUserInput("Le curseur \"" + after + "\" est inconnu."));
            if (sortColumn == null) {
                keyset = " and seq < ?";
                params.add(cursor.seq());
            } else {
                keyset = " and (" + sortColumn + (ascending ? " > ?" : " < ?") + " or (" + sortColumn
                        + " = ? and seq < ?))";
                params.addAll(List.of(cursor.sortKey(), cursor.sortKey(), cursor.seq()));
            }
        }
        params.add(size + 1);
        String order = sortColumn == null ? "seq desc" : sortColumn + (ascending ? " asc" : " desc") + ", seq desc";
        List<Row> rows = rows("select id, bsd_type, state, seq, " + sortKey + " from bsd_search where ("
                + filter.sql() + ")" + keyset + " order by " + order + " limit ?", params);
        boolean more = rows.size() > size;
        rows = more ? rows.subList(0, size) : rows;
        BsdConnection page = new BsdConnection();
        page.totalCount = count(filter);
        page.edges = new ArrayList<>();
        for (Row r : rows) {
            BsdEdge edge = new BsdEdge();
            edge.cursor = r.id();
            edge.node = projection.mapper(r.aggregateType()).orElseThrow().node(r.state());
            page.edges.add(edge);
        }
        page.pageInfo = new PageInfo();
        page.pageInfo.startCursor = rows.isEmpty() ? null : rows.get(0).id();
        page.pageInfo.endCursor = rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
        page.pageInfo.hasNextPage = more;
        page.pageInfo.hasPreviousPage = after != null;
        return page;
    }

    /** Any BSD by its id (or readable id), read by its own type with its own permission check. */
    public Bsd bsd(CallerIdentity caller, String id) {
        Row row = row(id);
        return projection.mapper(row.aggregateType()).orElseThrow().read(caller, row.id());
    }

    /**
     * The id and aggregate type of the BSD {@code id} (an id or a readable id) once the caller's right to read it is
     * checked by its type, with the type's errors.
     */
    public Map.Entry<String, String> readableBy(CallerIdentity caller, String id) {
        Row row = row(id);
        projection.mapper(row.aggregateType()).orElseThrow().read(caller, row.id());
        return Map.entry(row.id(), row.aggregateType());
    }

    private Row row(String id) {
        return rows("select id, bsd_type, state, seq, '' from bsd_search where id = ? or readable_id = ? limit 1",
                List.of(id, id)).stream().findFirst().orElseThrow(() -> Visibility.notFound(id));
    }

    private static Map<String, OrderType> orders(OrderBy o) {
        Map<String, OrderType> asked = new LinkedHashMap<>();
        if (o.readableId != null) {
            asked.put("readableId", o.readableId);
        }
        if (o.type != null) {
            asked.put("type", o.type);
        }
        if (o.wasteCode != null) {
            asked.put("wasteCode", o.wasteCode);
        }
        if (o.emitterCompanyName != null) {
            asked.put("emitterCompanyName", o.emitterCompanyName);
        }
        if (o.destinationCompanyName != null) {
            asked.put("destinationCompanyName", o.destinationCompanyName);
        }
        if (asked.size() > 1) {
            throw new ApiException.BadUserInput("Un seul champ de tri à la fois (orderBy).");
        }
        return asked;
    }

    private int count(SqlFilter filter) {
        return jdbc.query("select count(*) from bsd_search where " + filter.sql(), filter.params(),
                rs -> rs.getInt(1)).get(0);
    }

    private List<Row> rows(String sql, List<Object> params) {
        return jdbc.query(sql, params, rs -> new Row(rs.getString(1), aggregateType(rs.getString(2)),
                json(rs.getString(3)), rs.getLong(4), rs.getString(5)));
    }

    private static JsonNode json(String text) {
        try {
            return EventCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable BSD search state", e);
        }
    }

    /** The aggregate type of a {@link BsdType} (the types' events are named after them, in lower case). */
    private static String aggregateType(String bsdType) {
        return bsdType.toLowerCase(Locale.ROOT);
    }

}
