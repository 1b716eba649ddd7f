package fr.wastetrace.bsd.bspaoh;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
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
 * The BSPAOH in the search across types, with the reference's tabs (bspaoh/elastic.ts): a draft is a draft for its
 * creator's companies on it; INITIAL is to act on for the producer; SIGNED_BY_PRODUCER to collect for the
 * transporter; SENT to act on for the crematorium and collected for the transporter; RECEIVED and PARTIALLY_REFUSED
 * to act on for the crematorium; PROCESSED and REFUSED archived for all; every other company follows it.
 */
@ApplicationScoped
public class BspaohSearch extends DocumentSearchMapper<Bspaoh> {
    public BspaohSearch() {
        super(BspaohType.INSTANCE, BspaohService::view);
    }

    @Override
    public SearchEntry entry(JsonNode state, Set<String> draftAccess) {
        Bspaoh b = EventCodec.mapper().convertValue(state, Bspaoh.class);
        String status = state.path("status").asText();
        BsdTabs tabs = new BsdTabs().role("emitter", BspaohType.emitterOrgId(b))
                .role("transporter", BspaohType.transporterOrgId(b))
                .role("destination", BspaohType.destinationOrgId(b));
        switch (BspaohStatus.valueOf(status)) {
            case DRAFT -> tabs.onlyFor(draftAccess).all(BsdTab.DRAFT);
            case INITIAL -> tabs.set("emitter", BsdTab.FOR_ACTION);
            case SIGNED_BY_PRODUCER -> tabs.set("transporter", BsdTab.TO_COLLECT);
            case SENT -> tabs.set("destination", BsdTab.FOR_ACTION).set("transporter", BsdTab.COLLECTED);
            case RECEIVED, PARTIALLY_REFUSED -> tabs.set("destination", BsdTab.FOR_ACTION);
            case PROCESSED, REFUSED -> tabs.all(BsdTab.ARCHIVED);
            default -> {
            }
        }
        Party emitter = party(b.emitter == null ? null : b.emitter.company);
        Party destination = party(b.destination == null ? null : b.destination.company);
        Party transporter = party(b.transporter == null ? null : b.transporter.company);
        List<String> plates = b.transporter == null || b.transporter.transport == null
                || b.transporter.transport.plates == null ? List.of() : b.transporter.transport.plates;
        String searchText = Stream.of(b.id, emitter.name(), emitter.orgId(), destination.name(), destination.orgId(),
                        transporter.name(), transporter.orgId(), b.waste == null ? null : b.waste.code,
                        b.waste == null ? null : b.waste.adr,
                        b.emitter == null || b.emitter.pickupSite == null ? null : b.emitter.pickupSite.name,
                        b.emitter == null || b.emitter.pickupSite == null ? null : b.emitter.pickupSite.address,
                        b.emitter == null ? null : b.emitter.customInfo,
                        b.destination == null ? null : b.destination.cap,
                        b.destination == null ? null : b.destination.customInfo,
                        b.transporter == null ? null : b.transporter.customInfo)
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        return new SearchEntry(b.id, BsdType.BSPAOH, BsdSubType.INITIAL, b.id, null, status,
                BspaohStatus.DRAFT.name().equals(status), b.createdAt, b.updatedAt,
                b.waste == null ? null : b.waste.code, b.waste == null || b.waste.type == null ? null
                : b.waste.type == fr.wastetrace.bsd.bspaoh.model.BspaohType.FOETUS ? "Foetus"
                : "Pièces anatomiques d'origine humaine", emitter, destination, List.of(transporter), plates,
                tabs.orgIds(), tabs.byTab(), searchText);
    }

    private static Party party(FormCompany c) {
        return new Party(BspaohType.orgId(c), c == null ? null : c.name);
    }
}
