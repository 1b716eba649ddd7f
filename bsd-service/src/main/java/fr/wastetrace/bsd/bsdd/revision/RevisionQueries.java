package fr.wastetrace.bsd.bsdd.revision;

import fr.wastetrace.bsd.bsdd.model.FormRevisionRequest;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestConnection;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestEdge;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.graphql.StringFilter;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The revision-request queries: {@code formRevisionRequests} and the latest request of a BSDD. */
@ApplicationScoped
public class RevisionQueries {
    static final int MAX_PAGE = 50;

    @Inject
    RevisionRepository revisions;
    @Inject
    BsddRepository forms;
    @Inject
    CompanyDirectory directory;

    /** The requests an org authored or must answer, newest first; {@code first} is capped at 50. */
    public FormRevisionRequestConnection list(CallerIdentity caller, String siret, RevisionRequestStatus status,
                                              StringFilter bsddId, String after, Integer first) {
        CallerCompanies companies = directory.companiesOf(caller);
        if (!companies.can(UserPermission.BSD_CAN_LIST, siret)) {
            throw new ApiException.Forbidden("Vous n'avez pas le droit de lister les révisions de l'établissement "
                    + siret + " : il faut en être membre.");
        }
        if (first != null && first < 0) {
            throw new ApiException.BadUserInput("La taille de page ne peut pas être négative (first).");
        }
        if (after != null && !revisions.concerns(after, siret)) {
            throw new ApiException.BadUserInput("Le curseur « " + after + " » ne désigne aucune révision de "
                    + "l'établissement " + siret + " (after).");
        }
        int size = first == null ? MAX_PAGE : Math.min(first, MAX_PAGE);
        RevisionRepository.Page query = new RevisionRepository.Page(siret, status,
                bsddId == null ? null : bsddId._eq, bsddId == null ? null : bsddId._in,
                bsddId == null ? null : bsddId._contains, after, size + 1);
        List<RevisionRecord> page = revisions.page(query);
        FormRevisionRequestConnection connection = new FormRevisionRequestConnection();
        connection.totalCount = revisions.count(query);
        connection.pageInfo.hasNextPage = page.size() > size;
        connection.pageInfo.hasPreviousPage = after != null;
        page = page.subList(0, Math.min(size, page.size()));
        Map<String, BsddRecord> formsById = new HashMap<>();
        page.forEach(r -> formsById.computeIfAbsent(r.formId, id -> forms.find(id).orElseThrow()));
        Map<String, List<TransporterRecord>> transporters = new HashMap<>();
        forms.transportersOf(new ArrayList<>(formsById.keySet()))
                .forEach(t -> transporters.computeIfAbsent(t.formId, k -> new ArrayList<>()).add(t));
        for (RevisionRecord r : page) {
            FormRevisionRequestEdge edge = new FormRevisionRequestEdge();
            edge.cursor = r.id;
            edge.node = RevisionViews.of(r, formsById.get(r.formId), transporters.getOrDefault(r.formId, List.of()));
            connection.edges.add(edge);
        }
        if (!page.isEmpty()) {
            connection.pageInfo.startCursor = page.get(0).id;
            connection.pageInfo.endCursor = page.get(page.size() - 1).id;
        }
        return connection;
    }

    /** The BSDD's most recent revision request, whatever its status, for {@code Form.metadata}. */
    public Optional<FormRevisionRequest> latest(String formId) {
        return revisions.latest(formId).flatMap(r -> forms.find(formId)
                .map(form -> RevisionViews.of(r, form, forms.transporters(formId))));
    }
}
