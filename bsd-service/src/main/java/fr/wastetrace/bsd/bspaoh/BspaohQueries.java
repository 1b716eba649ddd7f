package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.graphql.BspaohWhere;
import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohConnection;
import fr.wastetrace.bsd.bspaoh.model.BspaohEdge;
import fr.wastetrace.bsd.bspaoh.model.BspaohError;
import fr.wastetrace.bsd.bspaoh.model.BspaohMetadata;
import fr.wastetrace.bsd.bspaoh.model.BspaohMetadataFields;
import fr.wastetrace.bsd.bspaoh.model.BspaohSignatureType;
import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentPage;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The BSPAOH queries: one BSPAOH, a page of them, and a BSPAOH's metadata. */
@ApplicationScoped
public class BspaohQueries {
    /** The signature a BSPAOH waits for in each status (DELIVERY is optional: RECEPTION is next after SENT). */
    private static final Map<BspaohStatus, String> NEXT_STEP = Map.of(BspaohStatus.INITIAL, "EMISSION",
            BspaohStatus.SIGNED_BY_PRODUCER, "TRANSPORT", BspaohStatus.SENT, "RECEPTION",
            BspaohStatus.RECEIVED, "OPERATION", BspaohStatus.PARTIALLY_REFUSED, "OPERATION");

    @Inject
    BsdPipeline pipeline;
    @Inject
    DocumentStore store;

    public Bspaoh bspaoh(CallerIdentity caller, String id) {
        return BspaohService.view(pipeline.read(BspaohType.INSTANCE, caller, id));
    }

    /** The BSPAOH as it is now, without permission check (its PDF link was checked when issued). */
    public Optional<Bspaoh> find(String id) {
        return store.find(BspaohType.TABLE, id).map(BspaohService::view);
    }

    public BspaohConnection bspaohs(CallerIdentity caller, String after, Integer first, String before, Integer last,
                                    BspaohWhere where) {
        SqlFilter filter = SqlFilter.and(List.of(Visibility.listableBy(pipeline.companiesOf(caller)),
                BspaohWhereFilter.of(where)));
        DocumentPage<Bspaoh> page = DocumentPage.of(store, BspaohType.TABLE, filter, after, first, before, last);
        BspaohConnection connection = new BspaohConnection();
        connection.totalCount = page.totalCount();
        connection.pageInfo = page.pageInfo();
        connection.edges = new ArrayList<>();
        for (BsdRecord<Bspaoh> r : page.records()) {
            BspaohEdge edge = new BspaohEdge();
            edge.cursor = r.id;
            edge.node = BspaohService.view(r);
            connection.edges.add(edge);
        }
        return connection;
    }

    /** What the next signature still needs, and the fields the signatures made so far sealed. */
    public BspaohMetadata metadata(Bspaoh bspaoh) {
        BspaohMetadata metadata = new BspaohMetadata();
        metadata.errors = new ArrayList<>();
        BspaohRules.Context context = new BspaohRules.Context(bspaoh, false);
        String next = NEXT_STEP.get(bspaoh.status);
        if (next != null) {
            for (EditionRules.Missing m : BspaohRules.RULES.missing(context, EventCodec.mapper().valueToTree(bspaoh),
                    next)) {
                BspaohError e = new BspaohError();
                e.message = m.message();
                e.path = Arrays.asList(m.path().split("\\."));
                e.requiredFor = BspaohSignatureType.valueOf(m.requiredFor());
                metadata.errors.add(e);
            }
        }
        metadata.fields = new BspaohMetadataFields();
        metadata.fields.sealed = BspaohRules.RULES.sealedPaths(context, BspaohSignatures.signed(bspaoh)).stream()
                .map(p -> Arrays.asList(p.split("\\."))).toList();
        return metadata;
    }
}
