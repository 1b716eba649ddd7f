package fr.wastetrace.bsd.bsda;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.search.BsdSubType;
import fr.wastetrace.bsd.core.search.BsdTab;
import fr.wastetrace.bsd.core.search.BsdTabs;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.core.search.DocumentSearchMapper;
import fr.wastetrace.bsd.core.search.SearchEntry.Party;
import fr.wastetrace.bsd.core.search.SearchEntry;
import fr.wastetrace.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The BSDA in the search across types, with the reference's tabs (bsda/elastic.ts): every company on it follows it;
 * a draft is its creator's companies'; INITIAL is to act on for the emitter (for the worker when the emitter does not
 * sign, for the collection centre of a 2710 collection; to collect for the first transporter of a private
 * individual's BSDA without worker); SIGNED_BY_PRODUCER to act on for the worker, or to collect; SIGNED_BY_WORKER to
 * collect; SENT along the transporters; RECEIVED to act on for the destination; PROCESSED, REFUSED and CANCELED
 * archived; AWAITING_CHILD followed.
 */
@ApplicationScoped
public class BsdaSearch extends DocumentSearchMapper<Bsda> {
    public BsdaSearch() {
        super(BsdaDescriptor.INSTANCE, BsdaService::view);
    }

    @Override
    public SearchEntry entry(JsonNode state, Set<String> draftAccess) {
        Bsda b = EventCodec.mapper().convertValue(state, Bsda.class);
        BsdaDocuments.normalize(b);
        String destination = orgId(b.destination == null ? null : b.destination.company);
        BsdTabs tabs = new BsdTabs().role("emitter", orgId(b.emitter.company))
                .role("worker", orgId(b.worker.company))
                .role("destination", destination)
                .role("ecoOrganisme", b.ecoOrganisme == null ? null : b.ecoOrganisme.siret)
                .role("broker", orgId(b.broker == null ? null : b.broker.company))
                .role("nextDestination", b.destination == null || b.destination.operation == null
                        || b.destination.operation.nextDestination == null ? null
                        : orgId(b.destination.operation.nextDestination.company));
        for (int i = 0; i < b.transporters.size(); i++) {
            tabs.role(BsdTabs.transporter(i), orgId(b.transporters.get(i).company));
        }
        for (int i = 0; i < b.intermediaries.size(); i++) {
            tabs.role("intermediary" + i, orgId(b.intermediaries.get(i)));
        }
        boolean draft = state.path("isDraft").asBoolean(false);
        BsdaStatus status = BsdaStatus.valueOf(state.path("status").asText());
        if (draft) {
            tabs.onlyFor(draftAccess).all(BsdTab.DRAFT);
        } else {
            tabs(b, status, destination, tabs);
        }
        List<Party> transporters = b.transporters.stream().map(t -> party(t.company)).toList();
        List<String> plates = b.transporters.stream()
                .filter(t -> t.transport != null && t.transport.plates != null)
                .flatMap(t -> t.transport.plates.stream()).toList();
        Party emitter = party(b.emitter.company);
        Party dest = party(b.destination == null ? null : b.destination.company);
        String wasteCode = b.waste == null ? null : b.waste.code;
        String material = b.waste == null ? null : b.waste.materialName;
        String searchText = Stream.concat(Stream.of(b.id, emitter.name(), emitter.orgId(), dest.name(), dest.orgId(),
                        wasteCode, material), transporters.stream().flatMap(t -> Stream.of(t.name(), t.orgId())))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        return new SearchEntry(b.id, BsdType.BSDA, subType(b.type), b.id, null,
                status.name(), draft, b.createdAt, b.updatedAt, wasteCode, material, emitter, dest, transporters,
                plates, tabs.orgIds(), tabs.byTab(), searchText);
    }

    private static BsdSubType subType(BsdaType type) {
        if (type == null) {
            return BsdSubType.INITIAL;
        }
        return switch (type) {
            case OTHER_COLLECTIONS -> BsdSubType.INITIAL;
            case COLLECTION_2710 -> BsdSubType.COLLECTION_2710;
            case GATHERING -> BsdSubType.GATHERING;
            case RESHIPMENT -> BsdSubType.RESHIPMENT;
        };
    }

    private static void tabs(Bsda b, BsdaStatus status, String destination, BsdTabs tabs) {
        boolean worker = b.type == BsdaType.OTHER_COLLECTIONS && !b.worker.isDisabled;
        boolean privateIndividual = Boolean.TRUE.equals(b.emitter.isPrivateIndividual);
        String first = b.transporters.isEmpty() ? null : BsdTabs.transporter(0);
        switch (status) {
            case INITIAL -> {
                if (b.type == BsdaType.COLLECTION_2710) {
                    tabs.set("destination", BsdTab.FOR_ACTION);
                } else if (privateIndividual && b.worker.isDisabled && first != null) {
                    tabs.set(first, BsdTab.TO_COLLECT);
                } else if (privateIndividual || b.worker.work != null
                        && Boolean.TRUE.equals(b.worker.work.hasEmitterPaperSignature)) {
                    tabs.set("worker", BsdTab.FOR_ACTION);
                } else {
                    tabs.set("emitter", BsdTab.FOR_ACTION);
                }
            }
            case SIGNED_BY_PRODUCER -> {
                if (worker) {
                    tabs.set("worker", BsdTab.FOR_ACTION);
                } else if (first != null) {
                    tabs.set(first, BsdTab.TO_COLLECT);
                }
            }
            case SIGNED_BY_WORKER -> {
                if (first != null) {
                    tabs.set(first, BsdTab.TO_COLLECT);
                }
            }
            case SENT -> tabs.sentAlong("destination", destination,
                    b.transporters.stream().map(t -> orgId(t.company)).toList(),
                    b.transporters.stream().map(BsdaSignatures::signed).toList());
            case RECEIVED -> tabs.set("destination", BsdTab.FOR_ACTION);
            case PROCESSED, REFUSED, CANCELED -> tabs.all(BsdTab.ARCHIVED);
            default -> {
            }
        }
    }

    private static String orgId(FormCompany c) {
        return BsdaDescriptor.orgId(c);
    }

    private static Party party(FormCompany c) {
        return new Party(orgId(c), c == null ? null : c.name);
    }
}
