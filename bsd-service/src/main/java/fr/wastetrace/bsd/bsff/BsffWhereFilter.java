package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.graphql.BsffWheres.BsffPackagingWhere;
import fr.wastetrace.bsd.bsff.graphql.BsffWheres.BsffWhere;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.persistence.WhereConditions;

import java.util.List;

/**
 * {@code BsffWhere} and {@code BsffPackagingWhere} as SQL conditions (core {@link WhereConditions}): on the
 * {@code bsff} table, the derived columns where there is one, the document ({@code data}) elsewhere; on a container,
 * its JSON element {@code p.value} beside its BSFF's row.
 */
final class BsffWhereFilter {
    /** A container of the listing: one element of the BSFF's {@code packagings}. */
    static final String PACKAGING = "p.value";

    private BsffWhereFilter() {
    }

    static SqlFilter of(BsffWhere where) {
        return of(where, 0);
    }

    private static SqlFilter of(BsffWhere w, int depth) {
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
                    .signature("data #>> '{emitter,emission,signature,date}'",
                            w.emitter.emission == null ? null : w.emitter.emission.signature);
        }
        if (w.destination != null) {
            c.company("destination_org_id", "data #>> '{destination,company,vatNumber}'", w.destination.company);
        }
        if (w.transporter != null) {
            WhereConditions t = new WhereConditions()
                    .company("t #>> '{company,siret}'", "t #>> '{company,vatNumber}'", w.transporter.company)
                    .signature("t #>> '{transport,signature,date}'",
                            w.transporter.transport == null ? null : w.transporter.transport.signature);
            c.anyElement("data -> 'transporters'", "t", t);
        }
        if (w.packagings != null) {
            WhereConditions p = new WhereConditions().text("k ->> 'numero'", w.packagings.numero);
            c.anyElement("data -> 'packagings'", "k", p);
            if (w.packagings.bsff != null) {
                c.add(of(w.packagings.bsff, depth + 1));
            }
        }
        if (w.ficheInterventions != null) {
            WhereConditions f = new WhereConditions().text("f ->> 'numero'", w.ficheInterventions.numero);
            if (w.ficheInterventions.detenteur != null) {
                f.company("f #>> '{detenteur,company,siret}'", "f #>> '{detenteur,company,vatNumber}'",
                        w.ficheInterventions.detenteur.company);
            }
            c.anyElement("data -> 'ficheInterventions'", "f", f);
        }
        return c.build();
    }

    /** A container's filter; its BSFF's conditions apply to the row beside it. */
    static SqlFilter packaging(BsffPackagingWhere w, int depth) {
        if (w == null) {
            return SqlFilter.always();
        }
        WhereConditions.checkDepth(depth);
        WhereConditions c = new WhereConditions().logical(w._and, w._or, w._not, x -> packaging(x, depth + 1))
                .id(PACKAGING + " ->> 'id'", w.id)
                .text(PACKAGING + " ->> 'numero'", w.numero);
        if (w.acceptation != null) {
            c.text(PACKAGING + " #>> '{acceptation,wasteCode}'", w.acceptation.wasteCode)
                    .signature(PACKAGING + " #>> '{acceptation,signature,date}'", w.acceptation.signature);
        }
        if (w.operation != null) {
            if (w.operation.code != null) {
                c.values(PACKAGING + " #>> '{operation,code}'", w.operation.code._eq, w.operation.code._in);
            }
            if (w.operation.noTraceability != null) {
                c.add(SqlFilter.of("coalesce((" + PACKAGING + " #>> '{operation,noTraceability}')::boolean, false) = ?",
                        w.operation.noTraceability));
            }
            c.signature(PACKAGING + " #>> '{operation,signature,date}'", w.operation.signature);
        }
        if (w.bsff != null) {
            c.add(of(w.bsff));
        }
        if (w.nextBsff != null) {
            SqlFilter next = of(w.nextBsff);
            c.add(SqlFilter.of("exists (select 1 from bsff n where not n.is_deleted and n.previous_packaging_ids @> "
                    + "array[" + PACKAGING + " ->> 'id'] and n.id in (select id from bsff where not is_deleted and "
                    + next.sql() + "))", next.params().toArray()));
        }
        return c.build();
    }
}
