package fr.wastetrace.bsd.bsdasri;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriWheres.BsdasriWhere;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriMetadata;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriConnection;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriEdge;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriError;
import fr.wastetrace.bsd.bsdasri.model.BsdasriSignatureType;
import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.DocumentPage;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The BSDASRI queries: one BSDASRI, a page of them, the BSDASRI that holds one, and a BSDASRI's metadata. */
@ApplicationScoped
public class BsdasriQueries {
    @Inject
    BsdPipeline pipeline;
    @Inject
    DocumentStore store;

    public Bsdasri bsdasri(CallerIdentity caller, String id) {
        return BsdasriService.view(pipeline.read(BsdasriDescriptor.INSTANCE, caller, id));
    }

    /** The BSDASRI as it is now, without permission check (its PDF link was checked when issued). */
    public Optional<Bsdasri> find(String id) {
        return id == null ? Optional.empty() : store.find(BsdasriDescriptor.TABLE, id).filter(r -> !r.isDeleted)
                .map(BsdasriService::view);
    }

    public BsdasriConnection bsdasris(CallerIdentity caller, String after, Integer first, String before, Integer last,
                                      BsdasriWhere where) {
        CallerCompanies companies = pipeline.companiesOf(caller);
        SqlFilter filter = SqlFilter.and(List.of(Visibility.listableBy(companies), BsdasriWhereFilter.of(where)));
        DocumentPage<Bsdasri> page = DocumentPage.of(store, BsdasriDescriptor.TABLE, filter, after, first, before, last);
        BsdasriConnection connection = new BsdasriConnection();
        connection.totalCount = page.totalCount();
        connection.pageInfo = page.pageInfo();
        connection.edges = new ArrayList<>();
        for (BsdRecord<Bsdasri> r : page.records()) {
            BsdasriEdge edge = new BsdasriEdge();
            edge.cursor = r.id;
            edge.node = BsdasriService.view(r);
            connection.edges.add(edge);
        }
        return connection;
    }

    /** What the next signature still needs (each error naming the signature it is required for). */
    public BsdasriMetadata metadata(Bsdasri bsdasri) {
        BsdasriMetadata metadata = new BsdasriMetadata();
        metadata.errors = new ArrayList<>();
        metadata.bsdasriId = bsdasri.id;
        ObjectNode state = EventCodec.mapper().valueToTree(bsdasri);
        String next = nextStep(bsdasri);
        if (next != null) {
            for (EditionRules.Missing m : BsdasriRules.RULES.missing(new BsdasriRules.Context(bsdasri, false), state,
                    next)) {
                BsdasriError e = new BsdasriError();
                e.message = m.message();
                e.path = m.path();
                e.requiredFor = List.of(BsdasriSignatureType.valueOf(m.requiredFor()));
                metadata.errors.add(e);
            }
        }
        return metadata;
    }

    private static String nextStep(Bsdasri b) {
        return switch (b.status) {
            case INITIAL -> BsdasriService.firstStep(b);
            case SIGNED_BY_PRODUCER -> "TRANSPORT";
            case SENT -> "RECEPTION";
            case RECEIVED -> "OPERATION";
            default -> null;
        };
    }
}
