package fr.wastetrace.bsd.core.search;

import fr.wastetrace.graphql.StringFilter;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.persistence.WhereConditions;
import fr.wastetrace.subgraph.ApiException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;


/**
 * {@code BsdWhere} (and the {@code clue}) as a SQL condition on {@code bsd_search}: the tabs, the common columns of
 * every type, and the full-text filters on the entry's search text. The filters on what only some types carry and
 * the projection does not keep (worker, broker, trader, eco-organisme, acceptation, operation, reception, numbers of
 * packagings, seals, fiches d'intervention, contacts) are refused rather than ignored.
 */
final class BsdWhereFilter {
    private BsdWhereFilter() {
    }

    static SqlFilter clue(String clue) {
        return clue == null || clue.isBlank() ? SqlFilter.always() : match("search_text", clue);
    }

    static SqlFilter of(BsdWhere w) {
        return of(w, 0);
    }

    private static SqlFilter of(BsdWhere w, int depth) {
        if (w == null) {
            return SqlFilter.always();
        }
        WhereConditions.checkDepth(depth);
        WhereConditions all = new WhereConditions().logical(w._and, w._or, null, x -> of(x, depth + 1));
        tab(all, BsdTab.DRAFT, w.isDraftFor);
        tab(all, BsdTab.FOR_ACTION, w.isForActionFor);
        tab(all, BsdTab.FOLLOW, w.isFollowFor);
        tab(all, BsdTab.ARCHIVED, w.isArchivedFor);
        tab(all, BsdTab.TO_COLLECT, w.isToCollectFor);
        tab(all, BsdTab.COLLECTED, w.isCollectedFor);
        tab(all, BsdTab.RETURN, w.isReturnFor);
        revisionTab(all, w.isPendingRevisionFor, "status = 'PENDING' and (author = o or o = any(targets))");
        revisionTab(all, w.isEmittedRevisionFor, "status = 'PENDING' and author = o");
        revisionTab(all, w.isReceivedRevisionFor, "status = 'PENDING' and o = any(targets)");
        if (w.isReviewedRevisionFor != null) {
            all.add(SqlFilter.of("exists (select 1 from unnest(?) o where exists (select 1 from " + REVISIONS
                    + " where status <> 'PENDING' and updated_at >= now() - interval '18 months' and (author = o or "
                    + "o = any(targets))) and not exists (select 1 from " + REVISIONS + " where status = 'PENDING' "
                    + "and (author = o or o = any(targets))))", new SqlFilter.TextArray(w.isReviewedRevisionFor)));
        }
        all.text("id", w.id).text("readable_id", w.readableId).text("custom_id", w.customId).text("status", w.status)
                .date("created_at", w.createdAt).date("updated_at", w.updatedAt)
                .textArray("org_ids", w.sirets).textArray("org_ids", w.companyOrgIds);
        if (w.type != null && w.type._eq != null) {
            all.add(SqlFilter.eq("bsd_type", w.type._eq.name()));
        }
        if (w.type != null && w.type._in != null) {
            all.add(SqlFilter.in("bsd_type", w.type._in.stream().map(Enum::name).toList()));
        }
        if (w.bsdSubType != null && w.bsdSubType._eq != null) {
            all.add(SqlFilter.eq("sub_type", w.bsdSubType._eq.name()));
        }
        if (w.bsdSubType != null && w.bsdSubType._in != null) {
            all.add(SqlFilter.in("sub_type", w.bsdSubType._in.stream().map(Enum::name).toList()));
        }
        textMatch(all, w.companyNames);
        if (w.waste != null) {
            all.text("waste_code", w.waste.code);
            if (w.waste.description != null && w.waste.description._match != null) {
                all.add(match("coalesce(waste_description, '')", w.waste.description._match));
            }
            textMatch(all, w.waste.adr);
        }
        if (w.emitter != null) {
            company(all, "emitter_org_id", "emitter_name", w.emitter.company);
            textMatch(all, w.emitter.customInfo);
            if (w.emitter.pickupSite != null) {
                textMatch(all, w.emitter.pickupSite.name);
                textMatch(all, w.emitter.pickupSite.address);
            }
            unsupported(w.emitter.emission, "emitter.emission");
        }
        if (w.destination != null) {
            company(all, "destination_org_id", "destination_name", w.destination.company);
            textMatch(all, w.destination.cap);
            textMatch(all, w.destination.customInfo);
            unsupported(w.destination.acceptation, "destination.acceptation");
            unsupported(w.destination.operation, "destination.operation");
            unsupported(w.destination.reception, "destination.reception");
        }
        if (w.transporter != null) {
            if (w.transporter.company != null) {
                transporterOrgId(all, w.transporter.company.siret);
                transporterOrgId(all, w.transporter.company.vatNumber);
                textMatch(all, w.transporter.company.name);
            }
            textMatch(all, w.transporter.customInfo);
            if (w.transporter.transport != null) {
                all.textArray("transporter_plates", w.transporter.transport.plates);
                unsupported(w.transporter.transport.takenOverAt, "transporter.transport.takenOverAt");
            }
        }
        unsupported(w.broker, "broker");
        unsupported(w.trader, "trader");
        unsupported(w.ecoOrganisme, "ecoOrganisme");
        unsupported(w.worker, "worker");
        unsupported(w.identificationNumbers, "identificationNumbers");
        unsupported(w.packagingNumbers, "packagingNumbers");
        unsupported(w.sealNumbers, "sealNumbers");
        unsupported(w.ficheInterventionNumbers, "ficheInterventionNumbers");
        return all.build();
    }

    /**
     * The revision requests of the row's BSD, of any type: the core's ({@code bsd_revision_request}, its type in lower
     * case) and the BSDD's ({@code bsdd_revision_request} and its approvals), as (author, targets, status, updated_at).
     */
    private static final String REVISIONS = "(select r.authoring_org_id as author, r.approver_org_ids as targets, "
            + "r.status, r.updated_at from bsd_revision_request r where r.bsd_type = lower(bsd_search.bsd_type) "
            + "and r.bsd_id = bsd_search.id union all select f.authoring_org_id, array(select a.approver_org_id "
            + "from bsdd_revision_request_approval a where a.revision_request_id = f.id), f.status, f.updated_at "
            + "from bsdd_revision_request f where bsd_search.bsd_type = 'BSDD' and f.bsdd_id = bsd_search.id) rev";

    /** The reference's revision tabs: the BSD has a revision request meeting {@code condition} for one of the orgs. */
    private static void revisionTab(WhereConditions all, List<String> orgIds, String condition) {
        if (orgIds != null) {
            all.add(SqlFilter.of("exists (select 1 from unnest(?) o where exists (select 1 from " + REVISIONS
                    + " where " + condition + "))", new SqlFilter.TextArray(orgIds)));
        }
    }

    private static void tab(WhereConditions all, BsdTab tab, List<String> orgIds) {
        if (orgIds != null) {
            all.add(SqlFilter.of(tab.column() + " && ?", new SqlFilter.TextArray(orgIds)));
        }
    }

    private static void company(WhereConditions all, String orgIdColumn, String nameColumn, BsdCompanyWhere c) {
        if (c == null) {
            return;
        }
        all.text(orgIdColumn, c.siret).text(orgIdColumn, c.vatNumber);
        if (c.name != null && c.name._match != null) {
            all.add(match("coalesce(" + nameColumn + ", '')", c.name._match));
        }
        textMatch(all, c.address);
        unsupported(c.contact, "company.contact");
        unsupported(c.mail, "company.mail");
        unsupported(c.phone, "company.phone");
    }

    private static void transporterOrgId(WhereConditions all, StringFilter f) {
        all.anyArrayElement("transporter_org_ids", "t", new WhereConditions().text("t", f));
    }

    private static void textMatch(WhereConditions all, TextFilter f) {
        if (f != null && f._match != null) {
            all.add(match("search_text", f._match));
        }
    }

    /** Every word of {@code words}, in any case, in {@code expression}. */
    private static SqlFilter match(String expression, String words) {
        return SqlFilter.and(Arrays.stream(words.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .map(word -> SqlFilter.of(expression + " ilike ?", "%" + escape(word) + "%"))
                .collect(Collectors.toList()));
    }

    private static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void unsupported(Object filter, String name) {
        if (filter != null) {
            throw new ApiException.BadUserInput("Le filtre " + name + " n'est pas disponible dans la recherche de "
                    + "bordereaux : utilisez la requête du type de bordereau.");
        }
    }
}
