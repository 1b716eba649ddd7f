package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.graphql.BsvhuWhere;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.persistence.WhereConditions;

/**
 * {@code BsvhuWhere} as a SQL condition on the {@code bsvhu} table (core {@link WhereConditions}): the derived columns
 * where there is one, the document ({@code data}) elsewhere. All the filters given must hold; {@code _and},
 * {@code _or}, {@code _not} nest.
 */
final class BsvhuWhereFilter {
    private BsvhuWhereFilter() {
    }

    static SqlFilter of(BsvhuWhere where) {
        return of(where, 0);
    }

    private static SqlFilter of(BsvhuWhere w, int depth) {
        if (w == null) {
            return SqlFilter.always();
        }
        WhereConditions c = WhereConditions.bsd(depth, w._and, w._or, w._not, x -> of(x, depth + 1), w.id, w.createdAt,
                w.updatedAt)
                .text("custom_id", w.customId);
        if (w.status != null) {
            c.values("status", w.status._eq, w.status._in);
        }
        c.flag("is_draft", w.isDraft);
        if (w.emitter != null) {
            c.company("emitter_org_id", "data #>> '{emitter,company,vatNumber}'", w.emitter.company);
            if (w.emitter.emission != null) {
                c.signature("data #>> '{emitter,emission,signature,date}'", w.emitter.emission.signature);
            }
        }
        if (w.destination != null) {
            c.company("destination_org_id", "data #>> '{destination,company,vatNumber}'", w.destination.company);
            if (w.destination.reception != null) {
                c.date("data #>> '{destination,reception,date}'", w.destination.reception.date);
            }
            if (w.destination.operation != null) {
                c.text("data #>> '{destination,operation,code}'", w.destination.operation.code)
                        .signature("data #>> '{destination,operation,signature,date}'",
                                w.destination.operation.signature);
            }
        }
        if (w.broker != null) {
            c.company("broker_org_id", "data #>> '{broker,company,vatNumber}'", w.broker.company);
        }
        if (w.trader != null) {
            c.company("trader_org_id", "data #>> '{trader,company,vatNumber}'", w.trader.company);
        }
        if (w.transporter != null) {
            WhereConditions t = new WhereConditions()
                    .company("t #>> '{company,siret}'", "t #>> '{company,vatNumber}'", w.transporter.company);
            if (w.transporter.transport != null) {
                t.textList("t #> '{transport,plates}'", w.transporter.transport.plates)
                        .signature("t #>> '{transport,signature,date}'", w.transporter.transport.signature);
            }
            c.anyElement("data -> 'transporters'", "t", t);
        }
        return c.build();
    }
}
