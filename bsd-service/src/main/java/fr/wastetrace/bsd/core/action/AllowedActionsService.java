package fr.wastetrace.bsd.core.action;

import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.bsd.core.search.BsdSearch;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The allowed actions of any BSD ({@code wastetraceAllowedActions} on each type) and the BSDs of a type that await
 * the caller's signature ({@code wastetraceBsdsAwaitingMySignature}): candidates read from {@code bsd_search} in
 * SQL (the type, a company of the caller on the BSD, published, a status from which the type signs at all), then the
 * steps evaluated on each candidate, page by page in id order, until a page is full.
 */
@ApplicationScoped
public class AllowedActionsService {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;
    private static final int CANDIDATE_BATCH = 200;

    private final Map<String, BsdActions<?, ?, ?>> byType = new HashMap<>();
    private final DocumentStore documents;
    private final CompanyDirectory directory;
    private final Jdbc jdbc;
    private final BsdSearch search;

    @Inject
    public AllowedActionsService(@Any Instance<BsdActions<?, ?, ?>> actions, DocumentStore documents,
                                 CompanyDirectory directory, Jdbc jdbc, BsdSearch search) {
        for (BsdActions<?, ?, ?> a : actions) {
            byType.put(a.type().events().aggregateType(), a);
        }
        this.documents = documents;
        this.directory = directory;
        this.jdbc = jdbc;
        this.search = search;
    }

    /** The allowed actions of the BSD {@code id} of {@code aggregateType}, which the caller reads. */
    public WastetraceAllowedActions of(String aggregateType, String id, CallerIdentity caller) {
        return of(actions(aggregateType), id, directory.companiesOf(caller));
    }

    private <D, T, E extends Enum<E>> WastetraceAllowedActions of(BsdActions<D, T, E> actions, String id,
                                                               CallerCompanies companies) {
        BsdRecord<D> record = actions.type().store(documents).find(id).orElseThrow(() -> Visibility.notFound(id));
        return AllowedActions.of(actions, record, companies);
    }

    private <D, T, E extends Enum<E>> boolean awaits(BsdActions<D, T, E> actions, String id, CallerCompanies companies) {
        Optional<BsdRecord<D>> record = actions.type().store(documents).find(id);
        return record.isPresent() && AllowedActions.awaitsSignatureOf(actions, record.get(), companies);
    }

    /** One page of the BSDs of {@code bsdType} with at least one signature step open to the caller. */
    public WastetraceAwaitingPage awaitingSignature(CallerIdentity caller, BsdType bsdType, Integer first,
                                                    String after) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 1 || size > MAX_PAGE) {
            throw new ApiException.BadUserInput("first : le nombre de bordereaux par page doit être compris entre 1 et "
                    + MAX_PAGE + ".");
        }
        BsdActions<?, ?, ?> actions = actions(bsdType.name().toLowerCase(Locale.ROOT));
        CallerCompanies companies = directory.companiesOf(caller);
        String[] orgIds = companies.orgIds().toArray(String[]::new);
        String[] statuses = actions.signableStatuses().toArray(String[]::new);
        List<String> found = new ArrayList<>();
        String cursor = after == null ? "" : after;
        boolean more = false;
        while (orgIds.length > 0 && statuses.length > 0) {
            List<String> candidates = jdbc.query("select id from bsd_search where bsd_type = ? and not is_draft "
                            + "and status = any(?) and org_ids && ? and id > ? order by id limit ?",
                    List.of(bsdType.name(), statuses, orgIds, cursor, CANDIDATE_BATCH), rs -> rs.getString(1));
            for (String id : candidates) {
                if (awaits(actions, id, companies)) {
                    if (found.size() == size) {
                        more = true;
                        break;
                    }
                    found.add(id);
                }
            }
            if (more || candidates.size() < CANDIDATE_BATCH) {
                break;
            }
            cursor = candidates.get(candidates.size() - 1);
        }
        WastetraceAwaitingPage page = new WastetraceAwaitingPage();
        page.nodes = found.stream().map(id -> search.bsd(caller, id)).toList();
        page.endCursor = found.isEmpty() ? null : found.get(found.size() - 1);
        page.hasNextPage = more;
        return page;
    }

    private BsdActions<?, ?, ?> actions(String aggregateType) {
        BsdActions<?, ?, ?> actions = byType.get(aggregateType);
        if (actions == null) {
            throw new IllegalStateException("no allowed actions declared for the BSD type " + aggregateType);
        }
        return actions;
    }
}
