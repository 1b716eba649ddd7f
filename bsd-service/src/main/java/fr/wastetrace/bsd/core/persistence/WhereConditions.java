package fr.wastetrace.bsd.core.persistence;

import fr.wastetrace.bsd.common.CompanyWhere;
import fr.wastetrace.bsd.common.DateFilter;
import fr.wastetrace.bsd.common.IdFilter;
import fr.wastetrace.bsd.common.SignatureWhere;
import fr.wastetrace.bsd.common.StringNullableListFilter;
import fr.wastetrace.graphql.StringFilter;
import fr.wastetrace.subgraph.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shared filters of the contract's {@code …Where} inputs ({@code IdFilter}, {@code StringFilter},
 * {@code DateFilter}, {@code CompanyWhere}, {@code SignatureWhere}, {@code StringNullableListFilter}) as conditions on
 * a SQL expression, collected into one list: a type's where-filter names the expressions (a derived column, a path
 * in {@code data}) and adds the conditions of the filters given.
 */
public final class WhereConditions {
    /** How deep {@code _and}, {@code _or}, {@code _not} may nest. */
    public static final int MAX_DEPTH = 3;

    private final List<SqlFilter> all = new ArrayList<>();

    public static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new ApiException.BadUserInput("Vous ne pouvez pas imbriquer plus de " + MAX_DEPTH
                    + " opérateurs logiques (_and, _or, _not).");
        }
    }

    /**
     * The opening every BSD type's where-filter shares: the nesting depth checked, the nested {@code _and}, {@code _or},
     * {@code _not} (each through {@code nested}), then {@code id}, {@code createdAt} and {@code updatedAt} on the
     * table's columns. The type goes on with its status, its draft flag and its own fields.
     */
    public static <W> WhereConditions bsd(int depth, List<W> and, List<W> or, W not, Function<W, SqlFilter> nested,
                                          IdFilter id, DateFilter createdAt, DateFilter updatedAt) {
        checkDepth(depth);
        return new WhereConditions().logical(and, or, not, nested).id("id", id).date("created_at", createdAt)
                .date("updated_at", updatedAt);
    }

    /** An enum filter ({@code _eq}, {@code _in}) on {@code expression}, holding the constant's name. */
    public <E extends Enum<E>> WhereConditions values(String expression, E eq, List<E> in) {
        addIf(eq != null, () -> SqlFilter.eq(expression, eq.name()));
        addIf(in != null, () -> SqlFilter.in(expression, in.stream().map(Enum::name).toList()));
        return this;
    }

    /** A boolean filter on {@code expression}, when given. */
    public WhereConditions flag(String expression, Boolean value) {
        addIf(value != null, () -> SqlFilter.eq(expression, value));
        return this;
    }

    /** The nested {@code _and}, {@code _or}, {@code _not} of a where-input, each turned into a condition by {@code of}. */
    public <W> WhereConditions logical(List<W> and, List<W> or, W not, Function<W, SqlFilter> of) {
        if (and != null) {
            all.add(SqlFilter.and(and.stream().map(of).toList()));
        }
        if (or != null) {
            all.add(SqlFilter.or(or.stream().map(of).toList()));
        }
        if (not != null) {
            all.add(SqlFilter.not(of.apply(not)));
        }
        return this;
    }

    public WhereConditions add(SqlFilter condition) {
        all.add(condition);
        return this;
    }

    public WhereConditions id(String expression, IdFilter f) {
        if (f != null) {
            addIf(f._eq != null, () -> SqlFilter.eq(expression, f._eq));
            addIf(f._in != null, () -> SqlFilter.in(expression, f._in));
        }
        return this;
    }

    public WhereConditions text(String expression, StringFilter f) {
        if (f != null) {
            addIf(f._eq != null, () -> SqlFilter.eq(expression, f._eq));
            addIf(f._in != null, () -> SqlFilter.in(expression, f._in));
            addIf(f._contains != null, () -> SqlFilter.contains(expression, f._contains));
        }
        return this;
    }

    /** A date compared as a timestamp ({@code expression} may be a text path of the document). */
    public WhereConditions date(String expression, DateFilter f) {
        if (f == null) {
            return this;
        }
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("=", f._eq);
        bounds.put(">", f._gt);
        bounds.put(">=", f._gte);
        bounds.put("<", f._lt);
        bounds.put("<=", f._lte);
        bounds.forEach((op, value) -> addIf(value != null,
                () -> SqlFilter.of("(" + expression + ")::timestamptz " + op + " ?", value)));
        return this;
    }

    public WhereConditions company(String siret, String vatNumber, CompanyWhere c) {
        if (c != null) {
            text(siret, c.siret);
            text(vatNumber, c.vatNumber);
        }
        return this;
    }

    public WhereConditions signature(String dateText, SignatureWhere s) {
        return s == null ? this : date(dateText, s.date);
    }

    /** A list of texts held as a JSON array at {@code jsonArray} (a missing or non-array value is an empty list). */
    public WhereConditions textList(String jsonArray, StringNullableListFilter f) {
        return textArray("coalesce(array(select jsonb_array_elements_text(case when jsonb_typeof(" + jsonArray
                + ") = 'array' then " + jsonArray + " end)), '{}')", f);
    }

    /** A list of texts held as a {@code text[]} expression (a column such as {@code org_ids}). */
    public WhereConditions textArray(String list, StringNullableListFilter f) {
        if (f == null) {
            return this;
        }
        List<String> some = f._hasSome != null ? f._hasSome : f._in;
        addIf(f._eq != null, () -> SqlFilter.of(list + " = ?", new SqlFilter.TextArray(f._eq)));
        addIf(f._has != null, () -> SqlFilter.of("? = any(" + list + ")", f._has));
        addIf(f._hasEvery != null, () -> SqlFilter.of(list + " @> ?", new SqlFilter.TextArray(f._hasEvery)));
        addIf(some != null, () -> SqlFilter.of(list + " && ?", new SqlFilter.TextArray(some)));
        addIf(f._itemContains != null, () -> SqlFilter.of("exists (select 1 from unnest(" + list
                + ") x where x ilike ?)", "%" + f._itemContains + "%"));
        return this;
    }

    /** The conditions on one element of a JSON array of the document, true when one element meets them all. */
    public WhereConditions anyElement(String jsonArray, String alias, WhereConditions onElement) {
        if (!onElement.all.isEmpty()) {
            SqlFilter each = onElement.build();
            all.add(SqlFilter.of("exists (select 1 from jsonb_array_elements(" + jsonArray + ") " + alias
                    + " where " + each.sql() + ")", each.params().toArray()));
        }
        return this;
    }

    /** The conditions on one element of a {@code text[]} expression, true when one element meets them all. */
    public WhereConditions anyArrayElement(String list, String alias, WhereConditions onElement) {
        if (!onElement.all.isEmpty()) {
            SqlFilter each = onElement.build();
            all.add(SqlFilter.of("exists (select 1 from unnest(" + list + ") " + alias + " where " + each.sql() + ")",
                    each.params().toArray()));
        }
        return this;
    }

    public SqlFilter build() {
        return SqlFilter.and(all);
    }

    private void addIf(boolean condition, Supplier<SqlFilter> filter) {
        if (condition) {
            all.add(filter.get());
        }
    }
}
