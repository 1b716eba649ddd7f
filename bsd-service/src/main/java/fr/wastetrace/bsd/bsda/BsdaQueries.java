package fr.wastetrace.bsd.bsda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsda.graphql.BsdaWheres.BsdaWhere;
import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaConnection;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaEdge;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaError;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaMetadata;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaMetadataFields;
import fr.wastetrace.bsd.bsda.model.BsdaSignatureType;
import fr.wastetrace.bsd.bsda.model.BsdaType;
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
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The BSDA queries: one BSDA, a page of them, and a BSDA's metadata. */
@ApplicationScoped
public class BsdaQueries {
    @Inject
    BsdPipeline pipeline;
    @Inject
    DocumentStore store;

    public Bsda bsda(CallerIdentity caller, String id) {
        return BsdaService.view(pipeline.read(BsdaDescriptor.INSTANCE, caller, id));
    }

    /**
     * The read check of {@code bsdaPdf} (reference checkCanReadPdf): those who may read the BSDA, and those who may read
     * a BSDA it grouped or forwarded, at any depth (the producer of an initial BSDA gets the PDF of the grouping that
     * took it over).
     */
    public void checkCanReadPdf(CallerIdentity caller, String id) {
        BsdRecord<Bsda> record = store.find(BsdaDescriptor.TABLE, id).orElseThrow(() -> Visibility.notFound(id));
        CallerCompanies companies = pipeline.companiesOf(caller);
        List<BsdRecord<Bsda>> chain = new ArrayList<>(List.of(record));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < chain.size() && seen.size() < 500; i++) {
            BsdRecord<Bsda> r = chain.get(i);
            if (!seen.add(r.id)) {
                continue;
            }
            if (Visibility.canRead(companies, r, BsdaDescriptor.TABLE.contributors().apply(r.data))) {
                return;
            }
            BsdaDocuments.heldIds(r.data).forEach(p -> store.find(BsdaDescriptor.TABLE, p).ifPresent(chain::add));
        }
        throw new ApiException.Forbidden("Vous n'êtes pas autorisé à accéder au PDF de ce BSDA : "
                + "votre établissement n'y figure pas, ni sur un BSDA qu'il regroupe ou réexpédie.");
    }

    /** The BSDA as it is now, without permission check (its PDF link was checked when issued). */
    public Optional<Bsda> find(String id) {
        return id == null ? Optional.empty() : store.find(BsdaDescriptor.TABLE, id).filter(r -> !r.isDeleted)
                .map(BsdaService::view);
    }

    public BsdaConnection bsdas(CallerIdentity caller, String after, Integer first, String before, Integer last,
                                BsdaWhere where) {
        CallerCompanies companies = pipeline.companiesOf(caller);
        SqlFilter filter = SqlFilter.and(List.of(Visibility.listableBy(companies), BsdaWhereFilter.of(where)));
        DocumentPage<Bsda> rows = DocumentPage.of(store, BsdaDescriptor.TABLE, filter, after, first, before, last);
        BsdaConnection page = new BsdaConnection();
        page.totalCount = rows.totalCount();
        page.pageInfo = rows.pageInfo();
        page.edges = new ArrayList<>();
        for (BsdRecord<Bsda> r : rows.records()) {
            BsdaEdge edge = new BsdaEdge();
            edge.cursor = r.id;
            edge.node = BsdaService.view(r);
            page.edges.add(edge);
        }
        return page;
    }

    /** What the next signature still needs, and the fields the signatures made so far sealed. */
    public BsdaMetadata metadata(Bsda bsda) {
        BsdaMetadata metadata = new BsdaMetadata();
        metadata.bsdaId = bsda.id;
        metadata.errors = new ArrayList<>();
        BsdaRules.Context context = new BsdaRules.Context(bsda);
        ObjectNode state = EventCodec.mapper().valueToTree(bsda);
        String next = nextStep(bsda);
        if (next != null && !bsda.isDraft) {
            for (EditionRules.Missing m : BsdaRules.RULES.missing(context, state, next)) {
                BsdaError e = new BsdaError();
                e.message = m.message();
                e.path = Arrays.asList(m.path().split("\\."));
                e.requiredFor = BsdaSignatureType.valueOf(m.requiredFor().replaceAll("_\\d", ""));
                metadata.errors.add(e);
            }
        }
        metadata.fields = new BsdaMetadataFields();
        metadata.fields.sealed = BsdaRules.RULES.sealedPaths(context, BsdaSignatures.signed(bsda)).stream()
                .distinct().map(p -> Arrays.asList(p.split("\\."))).toList();
        return metadata;
    }

    /** The signature a BSDA awaits next, as a step of {@link BsdaRules#STEPS}. */
    static String nextStep(Bsda b) {
        boolean worker = b.type == BsdaType.OTHER_COLLECTIONS && b.worker != null && !b.worker.isDisabled;
        return switch (b.status) {
            case INITIAL -> b.type == BsdaType.COLLECTION_2710 ? "RECEPTION"
                    : b.emitter != null && Boolean.TRUE.equals(b.emitter.isPrivateIndividual)
                    ? (worker ? "WORK" : "TRANSPORT") : "EMISSION";
            case SIGNED_BY_PRODUCER -> worker ? "WORK" : "TRANSPORT";
            case SIGNED_BY_WORKER -> "TRANSPORT";
            case SENT -> TransporterChain.nextToSign(b.transporters, BsdaSignatures::signed)
                    .map(TransporterChain::step).orElse("RECEPTION");
            case RECEIVED -> "OPERATION";
            default -> null;
        };
    }
}
