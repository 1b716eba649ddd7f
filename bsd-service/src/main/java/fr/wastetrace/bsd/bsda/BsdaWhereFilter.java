package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.graphql.BsdaWheres.BsdaWhere;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.persistence.WhereConditions;

/**
 * {@code BsdaWhere} as a SQL condition on the {@code bsda} table (core {@link WhereConditions}): the derived columns
 * where there is one, the document ({@code data}) elsewhere; a transporter filter holds when one transporter meets it.
 */
final class BsdaWhereFilter {
    private BsdaWhereFilter() {
    }

    static SqlFilter of(BsdaWhere where) {
        return of(where, 0);
    }

    private static SqlFilter of(BsdaWhere w, int depth) {
        if (w == null) {
            return SqlFilter.always();
        }
        WhereConditions c = WhereConditions.bsd(depth, w._and, w._or, w._not, x -> of(x, depth + 1), w.id, w.createdAt,
                w.updatedAt)
                .id("grouped_in_id", w.groupedIn)
                .id("forwarded_in_id", w.forwardedIn);
        if (w.status != null) {
            c.values("status", w.status._eq, w.status._in);
        }
        c.flag("is_draft", w.isDraft);
        if (w.emitter != null) {
            c.company("emitter_org_id", "data #>> '{emitter,company,vatNumber}'", w.emitter.company)
                    .text("data #>> '{emitter,customInfo}'", w.emitter.customInfo)
                    .signature("data #>> '{emitter,emission,signature,date}'",
                            w.emitter.emission == null ? null : w.emitter.emission.signature);
        }
        if (w.worker != null) {
            c.company("worker_org_id", "data #>> '{worker,company,vatNumber}'", w.worker.company)
                    .signature("data #>> '{worker,work,signature,date}'",
                            w.worker.work == null ? null : w.worker.work.signature);
        }
        if (w.destination != null) {
            var d = w.destination;
            c.company("destination_org_id", "data #>> '{destination,company,vatNumber}'", d.company)
                    .text("data #>> '{destination,customInfo}'", d.customInfo);
            if (d.reception != null) {
                c.date("data #>> '{destination,reception,date}'", d.reception.date);
            }
            if (d.operation != null) {
                c.text("data #>> '{destination,operation,code}'", d.operation.code)
                        .signature("data #>> '{destination,operation,signature,date}'", d.operation.signature);
                if (d.operation.nextDestination != null) {
                    c.company("data #>> '{destination,operation,nextDestination,company,siret}'",
                            "data #>> '{destination,operation,nextDestination,company,vatNumber}'",
                            d.operation.nextDestination.company);
                }
            }
        }
        if (w.broker != null) {
            c.company("broker_org_id", "data #>> '{broker,company,vatNumber}'", w.broker.company);
        }
        if (w.waste != null) {
            c.text("waste_code", w.waste.code);
        }
        if (w.transporter != null) {
            var t = w.transporter;
            WhereConditions each = new WhereConditions()
                    .company("t #>> '{company,siret}'", "t #>> '{company,vatNumber}'", t.company)
                    .text("t #>> '{customInfo}'", t.customInfo);
            if (t.transport != null) {
                each.textList("t #> '{transport,plates}'", t.transport.plates)
                        .signature("t #>> '{transport,signature,date}'", t.transport.signature);
            }
            c.anyElement("data -> 'transporters'", "t", each);
        }
        return c.build();
    }
}
