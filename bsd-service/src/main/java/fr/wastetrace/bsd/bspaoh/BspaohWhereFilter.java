package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.graphql.BspaohWhere;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.persistence.WhereConditions;

/**
 * {@code BspaohWhere} as a SQL condition on the {@code bspaoh} table (core {@link WhereConditions}): the derived
 * columns where there is one, the document ({@code data}) elsewhere. A draft is stored as {@code DRAFT}: a filter on
 * {@code INITIAL} finds the published ones only, as the reference does.
 */
final class BspaohWhereFilter {
    private BspaohWhereFilter() {
    }

    static SqlFilter of(BspaohWhere where) {
        return of(where, 0);
    }

    private static SqlFilter of(BspaohWhere w, int depth) {
        if (w == null) {
            return SqlFilter.always();
        }
        WhereConditions c = WhereConditions.bsd(depth, w._and, w._or, w._not, x -> of(x, depth + 1), w.id, w.createdAt,
                w.updatedAt);
        if (w.status != null) {
            c.values("status", w.status._eq, w.status._in);
        }
        c.flag("is_draft", w.isDraft);
        if (w.emitter != null) {
            c.company("emitter_org_id", "data #>> '{emitter,company,vatNumber}'", w.emitter.company)
                    .text("data #>> '{emitter,customInfo}'", w.emitter.customInfo);
            if (w.emitter.emission != null) {
                c.signature("data #>> '{emitter,emission,signature,date}'", w.emitter.emission.signature);
            }
        }
        if (w.destination != null) {
            c.company("destination_org_id", "data #>> '{destination,company,vatNumber}'", w.destination.company)
                    .text("data #>> '{destination,customInfo}'", w.destination.customInfo);
            if (w.destination.reception != null) {
                c.date("data #>> '{destination,reception,date}'", w.destination.reception.date);
            }
            if (w.destination.operation != null) {
                c.text("data #>> '{destination,operation,code}'", w.destination.operation.code)
                        .signature("data #>> '{destination,operation,signature,date}'",
                                w.destination.operation.signature);
            }
        }
        if (w.transporter != null) {
            c.company("data #>> '{transporter,company,siret}'", "data #>> '{transporter,company,vatNumber}'",
                            w.transporter.company)
                    .text("data #>> '{transporter,customInfo}'", w.transporter.customInfo);
            if (w.transporter.transport != null) {
                c.textList("data #> '{transporter,transport,plates}'", w.transporter.transport.plates)
                        .signature("data #>> '{transporter,transport,signature,date}'",
                                w.transporter.transport.signature);
            }
        }
        return c.build();
    }
}
