package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.graphql.BspaohWhere;
import fr.wastetrace.bsd.core.persistence.SqlFilter;

import java.util.ArrayList;
import java.util.List;

import static fr.wastetrace.bsd.core.persistence.WhereClauses.checkDepth;
import static fr.wastetrace.bsd.core.persistence.WhereClauses.company;
import static fr.wastetrace.bsd.core.persistence.WhereClauses.date;
import static fr.wastetrace.bsd.core.persistence.WhereClauses.signature;
import static fr.wastetrace.bsd.core.persistence.WhereClauses.text;
import static fr.wastetrace.bsd.core.persistence.WhereClauses.textList;

/**
 * {@code BspaohWhere} as a SQL condition on the {@code bspaoh} table: the derived columns where there is one, the
 * document ({@code data}) elsewhere. A draft is stored as {@code DRAFT}: a filter on {@code INITIAL} finds the
 * published ones only, as the reference does.
 */
final class BspaohWhereFilter {
    private static final int MAX_DEPTH = 3;
    private static final String PLATES = "coalesce(array(select jsonb_array_elements_text(case when "
            + "jsonb_typeof(data #> '{transporter,transport,plates}') = 'array' "
            + "then data #> '{transporter,transport,plates}' end)), '{}')";

    private BspaohWhereFilter() {
    }

    static SqlFilter of(BspaohWhere where) {
        return of(where, 0);
    }

    private static SqlFilter of(BspaohWhere w, int depth) {
        if (w == null) {
            return SqlFilter.always();
        }
        checkDepth(depth, MAX_DEPTH);
        List<SqlFilter> all = new ArrayList<>();
        if (w._and != null) {
            all.add(SqlFilter.and(w._and.stream().map(x -> of(x, depth + 1)).toList()));
        }
        if (w._or != null) {
            all.add(SqlFilter.or(w._or.stream().map(x -> of(x, depth + 1)).toList()));
        }
        if (w._not != null) {
            all.add(SqlFilter.not(of(w._not, depth + 1)));
        }
        if (w.id != null && w.id._eq != null) {
            all.add(SqlFilter.eq("id", w.id._eq));
        }
        if (w.id != null && w.id._in != null) {
            all.add(SqlFilter.in("id", w.id._in));
        }
        if (w.status != null && w.status._eq != null) {
            all.add(SqlFilter.eq("status", w.status._eq.name()));
        }
        if (w.status != null && w.status._in != null) {
            all.add(SqlFilter.in("status", w.status._in.stream().map(Enum::name).toList()));
        }
        if (w.isDraft != null) {
            all.add(SqlFilter.eq("is_draft", w.isDraft));
        }
        date(all, "created_at", w.createdAt);
        date(all, "updated_at", w.updatedAt);
        if (w.emitter != null) {
            company(all, "emitter_org_id", "data #>> '{emitter,company,vatNumber}'", w.emitter.company);
            text(all, "data #>> '{emitter,customInfo}'", w.emitter.customInfo);
            if (w.emitter.emission != null) {
                signature(all, "data #>> '{emitter,emission,signature,date}'", w.emitter.emission.signature);
            }
        }
        if (w.destination != null) {
            company(all, "destination_org_id", "data #>> '{destination,company,vatNumber}'", w.destination.company);
            text(all, "data #>> '{destination,customInfo}'", w.destination.customInfo);
            if (w.destination.reception != null) {
                date(all, "(data #>> '{destination,reception,date}')::timestamptz", w.destination.reception.date);
            }
            if (w.destination.operation != null) {
                text(all, "data #>> '{destination,operation,code}'", w.destination.operation.code);
                signature(all, "data #>> '{destination,operation,signature,date}'",
                        w.destination.operation.signature);
            }
        }
        if (w.transporter != null) {
            company(all, "data #>> '{transporter,company,siret}'", "data #>> '{transporter,company,vatNumber}'",
                    w.transporter.company);
            text(all, "data #>> '{transporter,customInfo}'", w.transporter.customInfo);
            if (w.transporter.transport != null) {
                textList(all, PLATES, w.transporter.transport.plates);
                signature(all, "data #>> '{transporter,transport,signature,date}'",
                        w.transporter.transport.signature);
            }
        }
        return SqlFilter.and(all);
    }
}
