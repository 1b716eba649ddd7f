package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.graphql.BsvhuWhere;
import fr.wastetrace.bsd.common.StringNullableListFilter;
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
 * {@code BsvhuWhere} as a SQL condition on the {@code bsvhu} table: the derived columns where there is one, the
 * document ({@code data}) elsewhere. All the filters given must hold; {@code _and}, {@code _or}, {@code _not} nest.
 */
final class BsvhuWhereFilter {
    private static final int MAX_DEPTH = 3;

    private BsvhuWhereFilter() {
    }

    static SqlFilter of(BsvhuWhere where) {
        return of(where, 0);
    }

    private static SqlFilter of(BsvhuWhere w, int depth) {
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
        if (w.id != null) {
            if (w.id._eq != null) {
                all.add(SqlFilter.eq("id", w.id._eq));
            }
            if (w.id._in != null) {
                all.add(SqlFilter.in("id", w.id._in));
            }
        }
        if (w.status != null) {
            if (w.status._eq != null) {
                all.add(SqlFilter.eq("status", w.status._eq.name()));
            }
            if (w.status._in != null) {
                all.add(SqlFilter.in("status", w.status._in.stream().map(Enum::name).toList()));
            }
        }
        if (w.isDraft != null) {
            all.add(SqlFilter.eq("is_draft", w.isDraft));
        }
        date(all, "created_at", w.createdAt);
        date(all, "updated_at", w.updatedAt);
        text(all, "custom_id", w.customId);
        if (w.emitter != null) {
            company(all, "emitter_org_id", "data #>> '{emitter,company,vatNumber}'", w.emitter.company);
            if (w.emitter.emission != null) {
                signature(all, "data #>> '{emitter,emission,signature,date}'", w.emitter.emission.signature);
            }
        }
        if (w.destination != null) {
            company(all, "destination_org_id", "data #>> '{destination,company,vatNumber}'", w.destination.company);
            if (w.destination.reception != null) {
                date(all, "(data #>> '{destination,reception,date}')::timestamptz", w.destination.reception.date);
            }
            if (w.destination.operation != null) {
                text(all, "data #>> '{destination,operation,code}'", w.destination.operation.code);
                signature(all, "data #>> '{destination,operation,signature,date}'", w.destination.operation.signature);
            }
        }
        if (w.broker != null) {
            company(all, "broker_org_id", "data #>> '{broker,company,vatNumber}'", w.broker.company);
        }
        if (w.trader != null) {
            company(all, "trader_org_id", "data #>> '{trader,company,vatNumber}'", w.trader.company);
        }
        if (w.transporter != null) {
            List<SqlFilter> t = new ArrayList<>();
            company(t, "t #>> '{company,siret}'", "t #>> '{company,vatNumber}'", w.transporter.company);
            if (w.transporter.transport != null) {
                plates(t, w.transporter.transport.plates);
                signature(t, "t #>> '{transport,signature,date}'", w.transporter.transport.signature);
            }
            if (!t.isEmpty()) {
                SqlFilter each = SqlFilter.and(t);
                all.add(SqlFilter.of("exists (select 1 from jsonb_array_elements(data -> 'transporters') t where "
                        + each.sql() + ")", each.params().toArray()));
            }
        }
        return SqlFilter.and(all);
    }

    private static void plates(List<SqlFilter> all, StringNullableListFilter f) {
        textList(all, "coalesce(array(select jsonb_array_elements_text(t #> '{transport,plates}')), '{}')", f);
    }
}
