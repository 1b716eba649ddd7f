package fr.wastetrace.registry.query;

import fr.wastetrace.registry.graphql.BsdType;
import fr.wastetrace.registry.graphql.BsdTypeFilter;
import fr.wastetrace.registry.graphql.DateFilter;
import fr.wastetrace.registry.graphql.IdFilter;
import fr.wastetrace.registry.graphql.NumericFilter;
import fr.wastetrace.graphql.StringFilter;
import fr.wastetrace.registry.graphql.WasteRegistryWhere;
import fr.wastetrace.subgraph.ApiException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the contract's {@code WasteRegistryWhere} into a parameterised condition on {@code register_line}. Every
 * given field narrows the result, and so does every operator given inside a field.
 */
public final class RegisterFilter {
    private RegisterFilter() {
    }

    public static SqlCondition toSql(WasteRegistryWhere where) {
        if (where == null) {
            return SqlCondition.TRUE;
        }
        Builder b = new Builder();
        b.id(where.id);
        b.date("createdAt", "created_at", where.createdAt);
        b.bsdType(where.bsdType);
        b.string("wasteCode", "waste_code", where.wasteCode);
        b.string("emitterCompanySiret", "emitter_company_siret", where.emitterCompanySiret);
        b.string("transporterCompanySiret", "transporter_company_siret", where.transporterCompanySiret);
        b.string("destinationCompanySiret", "destination_company_siret", where.destinationCompanySiret);
        b.date("transporterTakenOverAt", "transporter_taken_over_at", where.transporterTakenOverAt);
        b.date("destinationReceptionDate", "destination_reception_date", where.destinationReceptionDate);
        b.date("destinationOperationDate", "destination_operation_date", where.destinationOperationDate);
        b.number("destinationReceptionWeight", "destination_reception_weight", where.destinationReceptionWeight);
        b.string("destinationOperationCode", "destination_operation_code", where.destinationOperationCode);
        return b.build();
    }

    private static final class Builder {
        private final List<String> clauses = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        void id(IdFilter filter) {
            if (filter == null) {
                return;
            }
            requireSomeOperator("id", filter._eq, filter._in);
            if (filter._eq != null) {
                add("(document_id = ? or bsd_id = ?)", filter._eq, filter._eq);
            }
            if (filter._in != null) {
                String[] ids = filter._in.toArray(String[]::new);
                add("(document_id = any(?) or bsd_id = any(?))", ids, ids);
            }
        }

        void bsdType(BsdTypeFilter filter) {
            if (filter == null) {
                return;
            }
            requireSomeOperator("bsdType", filter._eq, filter._in);
            if (filter._eq != null) {
                add("bsd_type = ?", filter._eq.name());
            }
            if (filter._in != null) {
                add("bsd_type = any(?)", (Object) filter._in.stream().map(BsdType::name).toArray(String[]::new));
            }
        }

        void string(String field, String column, StringFilter filter) {
            if (filter == null) {
                return;
            }
            requireSomeOperator(field, filter._eq, filter._in, filter._contains);
            if (filter._eq != null) {
                add(column + " = ?", filter._eq);
            }
            if (filter._in != null) {
                add(column + " = any(?)", (Object) filter._in.toArray(String[]::new));
            }
            if (filter._contains != null) {
                add(column + " ilike ? escape '\\'", "%" + escapeLike(filter._contains) + "%");
            }
        }

        void date(String field, String column, DateFilter filter) {
            if (filter == null) {
                return;
            }
            requireSomeOperator(field, filter._gte, filter._gt, filter._lte, filter._lt, filter._eq);
            compare(column, ">=", filter._gte);
            compare(column, ">", filter._gt);
            compare(column, "<=", filter._lte);
            compare(column, "<", filter._lt);
            compare(column, "=", filter._eq);
        }

        void number(String field, String column, NumericFilter filter) {
            if (filter == null) {
                return;
            }
            requireSomeOperator(field, filter._gte, filter._gt, filter._lte, filter._lt, filter._eq);
            compare(column, ">=", filter._gte);
            compare(column, ">", filter._gt);
            compare(column, "<=", filter._lte);
            compare(column, "<", filter._lt);
            compare(column, "=", filter._eq);
        }

        private void compare(String column, String operator, Object value) {
            if (value instanceof Instant || value instanceof Double) {
                add(column + " " + operator + " ?", value);
            }
        }

        private void add(String clause, Object... values) {
            clauses.add(clause);
            parameters.addAll(List.of(values));
        }

        SqlCondition build() {
            return clauses.isEmpty() ? SqlCondition.TRUE : new SqlCondition(String.join(" and ", clauses), parameters);
        }

        private static void requireSomeOperator(String field, Object... operators) {
            for (Object operator : operators) {
                if (operator != null) {
                    return;
                }
            }
            throw new ApiException.BadUserInput("Le filtre " + field + " est vide : précisez au moins un opérateur (_eq, _in, ...).");
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
