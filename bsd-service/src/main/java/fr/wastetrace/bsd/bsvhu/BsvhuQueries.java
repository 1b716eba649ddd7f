package fr.wastetrace.bsd.bsvhu;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsvhu.graphql.BsvhuWhere;
import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuConnection;
import fr.wastetrace.bsd.bsvhu.model.BsvhuEdge;
import fr.wastetrace.bsd.bsvhu.model.BsvhuError;
import fr.wastetrace.bsd.bsvhu.model.BsvhuMetadata;
import fr.wastetrace.bsd.bsvhu.model.BsvhuMetadataFields;
import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentPage;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.persistence.SqlFilter;
import fr.wastetrace.bsd.core.signature.TransporterChain;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The BSVHU queries: one BSVHU, a page of them, and a BSVHU's metadata. */
@ApplicationScoped
public class BsvhuQueries {
    @Inject
    BsdPipeline pipeline;
    @Inject
    DocumentStore store;

    public Bsvhu bsvhu(CallerIdentity caller, String id) {
        return BsvhuService.view(pipeline.read(BsvhuType.INSTANCE, caller, id));
    }

    /** The BSVHU as it is now, without permission check (its PDF link was checked when issued). */
    public Optional<Bsvhu> find(String id) {
        return store.find(BsvhuType.TABLE, id).map(BsvhuService::view);
    }

    public BsvhuConnection bsvhus(CallerIdentity caller, String after, Integer first, String before, Integer last,
                                  BsvhuWhere where) {
        CallerCompanies companies = pipeline.companiesOf(caller);
        SqlFilter filter = SqlFilter.and(List.of(Visibility.listableBy(companies), BsvhuWhereFilter.of(where)));
        DocumentPage<Bsvhu> rows = DocumentPage.of(store, BsvhuType.TABLE, filter, after, first, before, last);
        BsvhuConnection page = new BsvhuConnection();
        page.totalCount = rows.totalCount();
        page.pageInfo = rows.pageInfo();
        page.edges = new ArrayList<>();
        for (BsdRecord<Bsvhu> r : rows.records()) {
            BsvhuEdge edge = new BsvhuEdge();
            edge.cursor = r.id;
            edge.node = BsvhuService.view(r);
            page.edges.add(edge);
        }
        return page;
    }

    /** What the next signature still needs, and the fields the signatures made so far sealed. */
    public BsvhuMetadata metadata(Bsvhu bsvhu) {
        BsvhuMetadata metadata = new BsvhuMetadata();
        metadata.errors = new ArrayList<>();
        List<String> signed = BsvhuSignatures.signed(bsvhu);
        BsvhuRules.Context context = new BsvhuRules.Context(bsvhu, false);
        ObjectNode state = EventCodec.mapper().valueToTree(bsvhu);
        String next = nextStep(bsvhu);
        if (next != null) {
            for (EditionRules.Missing m : BsvhuRules.RULES.missing(context, state, next)) {
                BsvhuError e = new BsvhuError();
                e.message = m.message();
                e.path = Arrays.asList(m.path().split("\\."));
                e.requiredFor = SignatureTypeInput.valueOf(m.requiredFor().replaceAll("_\\d", ""));
                metadata.errors.add(e);
            }
        }
        metadata.fields = new BsvhuMetadataFields();
        metadata.fields.sealed = BsvhuRules.RULES.sealedPaths(context, signed).stream()
                .map(p -> Arrays.asList(p.split("\\."))).toList();
        return metadata;
    }

    private static String nextStep(Bsvhu b) {
        if (b.status == BsvhuStatus.INITIAL) {
            return "EMISSION";
        }
        if (b.status == BsvhuStatus.SIGNED_BY_PRODUCER) {
            return "TRANSPORT";
        }
        if (b.status == BsvhuStatus.SENT) {
            return TransporterChain.nextToSign(b.transporters, BsvhuSignatures::signed)
                    .map(TransporterChain::step).orElse("RECEPTION");
        }
        if (b.status == BsvhuStatus.RECEIVED) {
            return "OPERATION";
        }
        return null;
    }
}
