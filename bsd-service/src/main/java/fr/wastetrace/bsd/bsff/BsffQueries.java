package fr.wastetrace.bsd.bsff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsff.BsffLinks.Held;
import fr.wastetrace.bsd.bsff.graphql.BsffWheres.BsffPackagingWhere;
import fr.wastetrace.bsd.bsff.graphql.BsffWheres.BsffWhere;
import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffConnection;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffEdge;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffEmitter;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffError;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffFicheIntervention;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffMetadata;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffMetadataFields;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffPackagingConnection;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffPackagingEdge;
import fr.wastetrace.bsd.bsff.model.BsffParts.InitialBsff;
import fr.wastetrace.bsd.bsff.model.BsffSignatureType;
import fr.wastetrace.bsd.bsff.model.BsffStatus;
import fr.wastetrace.bsd.bsff.model.BsffType;
import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentPage;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.signature.TransporterChain;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The BSFF queries: one BSFF, a page of them, a container, a page of containers, and what the fields of a BSFF or of
 * a container resolve to (metadata, the containers taken over, the BSFFs before and after a container).
 */
@ApplicationScoped
public class BsffQueries {
    @Inject
    BsdPipeline pipeline;
    @Inject
    DocumentStore store;
    @Inject
    Jdbc jdbc;
    @Inject
    BsffLinks links;

    public Bsff bsff(CallerIdentity caller, String id) {
        return BsffService.view(pipeline.read(BsffService.TYPE, caller, id));
    }

    /** The BSFF as it is now, without permission check (its PDF link was checked when issued). */
    public Optional<Bsff> find(String id) {
        return store.find(BsffDescriptor.TABLE, id).map(BsffService::view);
    }

    public BsffConnection bsffs(CallerIdentity caller, String after, Integer first, String before, Integer last,
                                BsffWhere where) {
        CallerCompanies companies = pipeline.companiesOf(caller);
        SqlFilter filter = SqlFilter.and(List.of(Visibility.listableBy(companies), BsffWhereFilter.of(where)));
        DocumentPage<Bsff> rows = DocumentPage.of(store, BsffDescriptor.TABLE, filter, after, first, before, last);
        BsffConnection page = new BsffConnection();
        page.totalCount = rows.totalCount();
        page.pageInfo = rows.pageInfo();
        page.edges = new ArrayList<>();
        for (BsdRecord<Bsff> r : rows.records()) {
            BsffEdge edge = new BsffEdge();
            edge.cursor = r.id;
            edge.node = BsffService.view(r);
            page.edges.add(edge);
        }
        return page;
    }

    /** A container, read through its BSFF's read check. */
    public BsffPackaging packaging(CallerIdentity caller, String id) {
        Held held = links.find(id).orElseThrow(() -> BsffPackagings.notFound(id));
        Bsff bsff = bsff(caller, held.bsff().id);
        return bsff.packagings.stream().filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> BsffPackagings.notFound(id));
    }

    /**
     * The containers of the BSFFs the caller may list, newest BSFF first, then in their order on it: a keyset page on
     * (BSFF row number, position in its {@code packagings}), the cursor being a container's id. An unknown cursor
     * pages from the start (forward) or from the end (backward), as the BSD listings do.
     */
    public BsffPackagingConnection packagings(CallerIdentity caller, String after, Integer first, String before,
                                              Integer last, BsffPackagingWhere where) {
        DocumentPage.Window w = DocumentPage.Window.of(after, first, before, last);
        CallerCompanies companies = pipeline.companiesOf(caller);
        SqlFilter filter = SqlFilter.and(List.of(Visibility.listableBy(companies), BsffWhereFilter.packaging(where, 0)));
        Optional<long[]> cursor = w.cursor() == null ? Optional.empty() : position(w.cursor());
        List<String> fetched = packagingIds(filter, cursor, w.forward(), w.size() + 1);
        List<String> window = w.trim(fetched);
        boolean more = window.size() < fetched.size();
        boolean beyondCursor = cursor.isPresent() && !packagingIds(filter, cursor, !w.forward(), 1).isEmpty();
        BsffPackagingConnection page = new BsffPackagingConnection();
        page.totalCount = jdbc.query("select count(*) " + PACKAGINGS + filter.sql() + ")", filter.params(),
                rs -> rs.getInt(1)).get(0);
        page.pageInfo = new PageInfo();
        page.pageInfo.startCursor = window.isEmpty() ? null : window.get(0);
        page.pageInfo.endCursor = window.isEmpty() ? null : window.get(window.size() - 1);
        page.pageInfo.hasNextPage = w.forward() ? more : beyondCursor;
        page.pageInfo.hasPreviousPage = w.forward() ? beyondCursor : more;
        page.edges = new ArrayList<>();
        var held = links.find(window);
        for (String id : window) {
            BsffPackagingEdge edge = new BsffPackagingEdge();
            edge.cursor = id;
            edge.node = held.get(id).packaging();
            page.edges.add(edge);
        }
        return page;
    }

    /** Every container of the BSFFs not deleted, beside its BSFF's row; the caller appends a condition and ")". */
    private static final String PACKAGINGS = "from bsff cross join lateral jsonb_array_elements(data -> 'packagings') "
            + "with ordinality as p(value, ord) where not is_deleted and (";

    /** The (BSFF row number, position) of the container {@code id}, if it exists on a BSFF not deleted. */
    private Optional<long[]> position(String id) {
        return jdbc.query("select row_number, p.ord " + PACKAGINGS + "packaging_ids @> array[?]::text[] and "
                + "p.value ->> 'id' = ?)", List.of(id, id), rs -> new long[]{rs.getLong(1), rs.getLong(2)})
                .stream().findFirst();
    }

    /**
     * Up to {@code limit} container ids in listing order: after the cursor (older, or later on the same BSFF) when
     * {@code forward}, before it otherwise (then fetched in reverse and returned in listing order).
     */
    private List<String> packagingIds(SqlFilter filter, Optional<long[]> cursor, boolean forward, int limit) {
        List<Object> params = new ArrayList<>(filter.params());
        String keyset = "";
        if (cursor.isPresent()) {
            keyset = " and (row_number, -p.ord) " + (forward ? "<" : ">") + " (?, ?)";
            params.add(cursor.get()[0]);
            params.add(-cursor.get()[1]);
        }
        params.add(limit);
        List<String> ids = jdbc.query("select p.value ->> 'id' " + PACKAGINGS + filter.sql() + ")" + keyset
                + (forward ? " order by row_number desc, p.ord" : " order by row_number, p.ord desc") + " limit ?",
                params, rs -> rs.getString(1));
        if (!forward) {
            ids = new ArrayList<>(ids);
            Collections.reverse(ids);
        }
        return ids;
    }

    /** The containers a follow-up BSFF takes over, when it is of the kind asked for. */
    public List<BsffPackaging> previousPackagings(Bsff bsff, BsffType kind) {
        if (bsff.type != kind) {
            return List.of();
        }
        List<String> ids = bsff.packagings.stream().flatMap(p -> p.previousPackagingIds.stream()).distinct().toList();
        var found = links.find(ids);
        return ids.stream().filter(found::containsKey).map(id -> found.get(id).packaging()).toList();
    }

    public Bsff parent(String bsffId) {
        return find(bsffId).orElseThrow(() -> Visibility.notFound(bsffId));
    }

    public Bsff nextBsff(BsffPackaging p) {
        return links.next(p.id).map(h -> BsffService.view(record(h.bsff()))).orElse(null);
    }

    public List<Bsff> nextBsffs(BsffPackaging p) {
        return links.nextChain(p.id).stream().map(h -> BsffService.view(record(h.bsff()))).toList();
    }

    /** The BSFFs upstream of a container, at any depth, oldest last. */
    public List<InitialBsff> previousBsffs(BsffPackaging p) {
        List<InitialBsff> list = new ArrayList<>();
        List<String> ids = new ArrayList<>(p.previousPackagingIds);
        Set<String> seen = new HashSet<>();
        while (!ids.isEmpty() && seen.size() < 100) {
            var found = links.find(ids);
            ids = new ArrayList<>();
            for (Held h : found.values()) {
                if (seen.add(h.bsff().id)) {
                    list.add(initial(h.bsff()));
                }
                ids.addAll(h.packaging().previousPackagingIds);
            }
        }
        return list;
    }

    /**
     * A BSFF's intervention sheets as the caller may see them: all of them for its emitter, transporters and
     * destination; only their own for a holder (détenteur), who must not learn the other holders of a collection of
     * small quantities; none, refused, for anyone else (a BSFF reached through the links between containers).
     */
    public List<BsffFicheIntervention> ficheInterventions(CallerIdentity caller, Bsff bsff) {
        if (bsff.ficheInterventions.isEmpty()) {
            return List.of();
        }
        CallerCompanies companies = pipeline.companiesOf(caller);
        if (companies.can(UserPermission.BSD_CAN_READ, BsffDescriptor.contributors(bsff))) {
            return bsff.ficheInterventions;
        }
        var readable = companies.orgIdsWith(UserPermission.BSD_CAN_READ);
        List<BsffFicheIntervention> own = bsff.ficheInterventions.stream()
                .filter(f -> {
                    String holder = BsffDescriptor.detenteurOrgId(f);
                    return holder != null && readable.contains(holder);
                }).toList();
        if (own.isEmpty()) {
            throw new ApiException.Forbidden("Vous n'êtes pas autorisé à consulter les fiches d'intervention du BSFF "
                    + bsff.id + " : votre établissement n'y figure ni comme acteur ni comme détenteur.");
        }
        return own;
    }

    /** The intervention sheets of an initial BSFF, by the same rule as on the BSFF itself. */
    public List<BsffFicheIntervention> ficheInterventions(CallerIdentity caller, InitialBsff initial) {
        return find(initial.id).map(b -> ficheInterventions(caller, b)).orElse(List.of());
    }

    /** The emitter of an initial BSFF, for those who may read that BSFF only. */
    public BsffEmitter emitter(CallerIdentity caller, InitialBsff initial) {
        try {
            pipeline.read(BsffService.TYPE, caller, initial.id);
        } catch (ApiException e) {
            throw new ApiException.Forbidden("Vous ne pouvez pas lire l'émetteur (emitter) du BSFF initial "
                    + initial.id + " : votre établissement n'a pas accès à ce bordereau.");
        }
        return initial.emitter;
    }

    private static BsdRecord<Bsff> record(Bsff b) {
        BsdRecord<Bsff> r = new BsdRecord<>();
        r.id = b.id;
        r.status = b.status.name();
        r.isDraft = b.isDraft;
        r.createdAt = b.createdAt;
        r.updatedAt = b.updatedAt;
        r.data = b;
        return r;
    }

    private static InitialBsff initial(Bsff b) {
        InitialBsff i = new InitialBsff();
        i.id = b.id;
        i.type = b.type;
        i.emitter = b.emitter;
        i.waste = b.waste;
        i.weight = b.weight;
        i.destination = b.destination;
        i.packagings = b.packagings;
        i.ficheInterventions = b.ficheInterventions;
        return i;
    }

    /** What the next signature still needs, and the fields the signatures made so far sealed. */
    public BsffMetadata metadata(Bsff bsff) {
        BsffMetadata metadata = new BsffMetadata();
        metadata.errors = new ArrayList<>();
        List<String> signed = BsffSignatures.signed(bsff);
        BsffRules.Context context = new BsffRules.Context(bsff, false);
        ObjectNode state = EventCodec.mapper().valueToTree(bsff);
        String next = nextStep(bsff);
        if (next != null) {
            for (EditionRules.Missing m : BsffRules.RULES.missing(context, state, next)) {
                BsffError e = new BsffError();
                e.message = m.message();
                e.path = Arrays.asList(m.path().split("\\."));
                e.requiredFor = BsffSignatureType.valueOf(m.requiredFor().replaceAll("_\\d", ""));
                metadata.errors.add(e);
            }
        }
        metadata.fields = new BsffMetadataFields();
        metadata.fields.sealed = BsffRules.RULES.sealedPaths(context, signed).stream()
                .map(p -> Arrays.asList(p.split("\\."))).toList();
        return metadata;
    }

    private static String nextStep(Bsff b) {
        if (b.status == BsffStatus.INITIAL) {
            return "EMISSION";
        }
        if (b.status == BsffStatus.SIGNED_BY_EMITTER) {
            return "TRANSPORT";
        }
        if (b.status == BsffStatus.SENT) {
            return TransporterChain.nextToSign(b.transporters, BsffSignatures::signed)
                    .map(TransporterChain::step).orElse("RECEPTION");
        }
        return null;
    }
}
