package fr.wastetrace.bsd.core.persistence;

import fr.wastetrace.bsd.common.CompanyWhere;
import fr.wastetrace.bsd.common.DateFilter;
import fr.wastetrace.bsd.common.SignatureWhere;
import fr.wastetrace.bsd.common.StringFilter;
import fr.wastetrace.bsd.common.StringNullableListFilter;

import fr.wastetrace.subgraph.ApiException;

import java.util.List;

/**
 * The shared filters of the contract's {@code …Where} inputs ({@code StringFilter}, {@code DateFilter},
 * {@code CompanyWhere}, {@code SignatureWhere}, {@code StringNullableListFilter}) as {@link SqlFilter} conditions on a
 * column or a {@code data} expression, added to the list of conditions a type's where-filter builds.
 */
public final class WhereClauses {
    private WhereClauses() {
    }

    public static void text(List<SqlFilter> all, String expression, StringFilter f) {
        if (f == null) {
            return;
        }
        if (f._eq != null) {
            all.add(SqlFilter.eq(expression, f._eq));
        }
        if (f._in != null) {
            all.add(SqlFilter.in(expression, f._in));
        }
        if (f._contains != null) {
            all.add(SqlFilter.contains(expression, f._contains));
        }
    }

    public static void company(List<SqlFilter> all, String siret, String vatNumber, CompanyWhere c) {
        if (c != null) {
            text(all, siret, c.siret);
            text(all, vatNumber, c.vatNumber);
        }
    }

    /** A signature's date, {@code dateText} being the text of the date in the document. */
    public static void signature(List<SqlFilter> all, String dateText, SignatureWhere s) {
        if (s != null) {
            date(all, "(" + dateText + ")::timestamptz", s.date);
        }
    }

    public static void date(List<SqlFilter> all, String expression, DateFilter d) {
        if (d == null) {
            return;
        }
        if (d._eq != null) {
            all.add(SqlFilter.of(expression + " = ?", d._eq));
        }
        if (d._gt != null) {
            all.add(SqlFilter.of(expression + " > ?", d._gt));
        }
        if (d._gte != null) {
            all.add(SqlFilter.of(expression + " >= ?", d._gte));
        }
        if (d._lt != null) {
            all.add(SqlFilter.of(expression + " < ?", d._lt));
        }
        if (d._lte != null) {
            all.add(SqlFilter.of(expression + " <= ?", d._lte));
        }
    }

    /** A list of texts in the document, {@code array} being a {@code text[]} expression of it. */
    public static void textList(List<SqlFilter> all, String array, StringNullableListFilter f) {
        if (f == null) {
            return;
        }
        if (f._eq != null) {
            all.add(SqlFilter.of(array + " = ?", new SqlFilter.TextArray(f._eq)));
        }
        if (f._has != null) {
            all.add(SqlFilter.of("? = any(" + array + ")", f._has));
        }
        if (f._hasEvery != null) {
            all.add(SqlFilter.of(array + " @> ?", new SqlFilter.TextArray(f._hasEvery)));
        }
        List<String> some = f._hasSome != null ? f._hasSome : f._in;
        if (some != null) {
            all.add(SqlFilter.of(array + " && ?", new SqlFilter.TextArray(some)));
        }
        if (f._itemContains != null) {
            all.add(SqlFilter.of("exists (select 1 from unnest(" + array + ") p where p ilike ?)",
                    "%" + f._itemContains + "%"));
        }
    }

    /** Refuses {@code _and}, {@code _or}, {@code _not} nested deeper than {@code maxDepth}. */
    public static void checkDepth(int depth, int maxDepth) {
        if (depth > maxDepth) {
            throw new ApiException.BadUserInput("Vous ne pouvez pas imbriquer plus de "
                    + maxDepth + " opérateurs logiques (_and, _or, _not).");
        }
    }
}
