package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.graphql.BsdasriWheres.BsdasriWhere;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.persistence.WhereConditions;

/**
 * {@code BsdasriWhere} as a SQL condition on the {@code bsdasri} table (core {@link WhereConditions}): the derived
 * columns where there is one, the document ({@code data}) elsewhere. {@code groupable}: a simple BSDASRI awaiting
 * grouping that no grouping or synthesis holds yet.
 */
final class BsdasriWhereFilter {
    private static final SqlFilter GROUPABLE = SqlFilter.of("(type = 'SIMPLE' and status = 'AWAITING_GROUP' "
            + "and grouped_in_id is null and synthesized_in_id is null)");

    private BsdasriWhereFilter() {
    }

    static SqlFilter of(BsdasriWhere where) {
        return of(where, 0);
    }

    private static SqlFilter of(BsdasriWhere w, int depth) {
        if (w == null) {
            return SqlFilter.always();
        }
        WhereConditions c = WhereConditions.bsd(depth, w._and, w._or, w._not, x -> of(x, depth + 1), w.id, w.createdAt,
                w.updatedAt);
        if (w.status != null) {
            c.values("status", w.status._eq, w.status._in);
        }
        if (w.type != null) {
            c.values("type", w.type._eq, w.type._in);
        }
        c.flag("is_draft", w.isDraft);
        if (w.groupable != null) {
            c.add(w.groupable ? GROUPABLE : SqlFilter.not(GROUPABLE));
        }
        if (w.emitter != null) {
            c.company("emitter_org_id", "data #>> '{emitter,company,vatNumber}'", w.emitter.company);
            c.signature("data #>> '{emitter,emission,signature,date}'",
                    w.emitter.emission == null ? null : w.emitter.emission.signature);
        }
        if (w.transporter != null) {
            c.company("transporter_org_id", "data #>> '{transporter,company,vatNumber}'", w.transporter.company);
            c.signature("data #>> '{transporter,transport,signature,date}'",
                    w.transporter.transport == null ? null : w.transporter.transport.signature);
        }
        if (w.destination != null) {
            var d = w.destination;
            c.company("destination_org_id", "data #>> '{destination,company,vatNumber}'", d.company);
            if (d.reception != null) {
                c.date("data #>> '{destination,reception,date}'", d.reception.date)
                        .signature("data #>> '{destination,reception,signature,date}'", d.reception.signature);
            }
            if (d.operation != null) {
                c.text("data #>> '{destination,operation,code}'", d.operation.code)
                        .date("data #>> '{destination,operation,date}'", d.operation.date)
                        .signature("data #>> '{destination,operation,signature,date}'", d.operation.signature);
            }
        }
        if (w.identification != null) {
            c.textList("data #> '{identification,numbers}'", w.identification.numbers);
        }
        return c.build();
    }

    /** An enum column equal to {@code eq} and among {@code in}, each when given. */}
