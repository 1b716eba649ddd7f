package fr.wastetrace.registry.query;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.registry.graphql.WasteRegistryWhere;
import fr.wastetrace.registry.register.Columns;
import fr.wastetrace.registry.register.LineColumns;
import fr.wastetrace.registry.register.RegisterType;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One page of a register for the GraphQL queries: total, page info and the nodes of the register's type. */
@ApplicationScoped
public class RegisterQueries {
    @Inject
    RegisterRepository repository;

    public record Page<N>(int totalCount, PageInfo pageInfo, List<Edge<N>> edges) {
    }

    public record Edge<N>(String cursor, N node) {
    }

    public <N> Page<N> page(RegisterType register, Class<N> nodeType, List<String> orgIds, WasteRegistryWhere where,
                            Pagination pagination) {
        if (!Columns.nodeType(register).equals(nodeType)) {
            throw new IllegalArgumentException(nodeType + " is not the node type of " + register);
        }
        SqlCondition condition = RegisterFilter.toSql(where);
        RegisterRepository.Position from = null;
        if (pagination.cursor() != null) {
            from = repository.positionOf(register, orgIds, pagination.cursor())
                    .orElseThrow(() -> new ApiException.BadUserInput("Le curseur " + pagination.cursor()
                            + " ne correspond à aucune ligne de ce registre : reprenez la pagination depuis le début."));
        }
        List<RegisterRepository.Row> rows = repository.page(register, orgIds, condition, from, pagination.backward(),
                pagination.size() + 1, LineColumns.of(register));
        boolean more = rows.size() > pagination.size();
        if (more) {
            rows = rows.subList(0, pagination.size());
        }
        List<Edge<N>> edges = new ArrayList<>(rows.size());
        for (RegisterRepository.Row row : rows) {
            edges.add(new Edge<>(row.documentId(), node(row.values(), nodeType)));
        }
        boolean hasCursor = pagination.cursor() != null;
        PageInfo pageInfo = new PageInfo(
                rows.isEmpty() ? null : rows.get(0).documentId(),
                rows.isEmpty() ? null : rows.get(rows.size() - 1).documentId(),
                pagination.backward() ? hasCursor : more,
                pagination.backward() ? more : hasCursor);
        return new Page<>(repository.count(register, orgIds, condition), pageInfo, edges);
    }

    private static <N> N node(Object[] values, Class<N> nodeType) {
        try {
            return EventCodec.mapper().treeToValue(LineColumns.json(values), nodeType);
        } catch (IOException e) {
            throw new IllegalStateException("a stored register line does not fit " + nodeType.getSimpleName(), e);
        }
    }
}
