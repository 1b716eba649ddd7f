package fr.wastetrace.bsd.bsdasri;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.bsd.bsdasri.model.BsdasriType;
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
 * The BSDASRI in the search across types, with the reference's tabs (bsdasris/elastic.ts): a draft is a draft for its
 * creator's companies on it; INITIAL is to act on for the emitter and the eco-organisme (not for a synthesis, whose
 * emitter is its transporter) and to collect for the transporter; SIGNED_BY_PRODUCER to collect for the transporter;
 * SENT to act on for the destination and collected for the transporter; RECEIVED to act on for the destination;
 * PROCESSED, REFUSED and CANCELED archived for all; every other company on it follows it.
 */
@ApplicationScoped
public class BsdasriSearch extends DocumentSearchMapper<Bsdasri> {
    public BsdasriSearch() {
        super(BsdasriDescriptor.INSTANCE, BsdasriService::view);
    }

    @Override
    public SearchEntry entry(JsonNode state, Set<String> draftAccess) {
        Bsdasri b = EventCodec.mapper().convertValue(state, Bsdasri.class);
        BsdasriStatus status = BsdasriStatus.valueOf(state.path("status").asText());
        BsdTabs tabs = new BsdTabs()
                .role("emitter", orgId(b.emitter == null ? null : b.emitter.company))
                .role("transporter", orgId(b.transporter == null ? null : b.transporter.company))
                .role("destination", orgId(b.destination == null ? null : b.destination.company))
                .role("ecoOrganisme", b.ecoOrganisme == null ? null : b.ecoOrganisme.siret)
                .role("broker", orgId(b.broker == null ? null : b.broker.company))
                .role("trader", orgId(b.trader == null ? null : b.trader.company));
        for (int i = 0; b.intermediaries != null && i < b.intermediaries.size(); i++) {
            tabs.role("intermediary" + i, orgId(b.intermediaries.get(i)));
        }
        if (b.isDraft) {
            tabs.onlyFor(draftAccess).all(BsdTab.DRAFT);
        } else {
            switch (status) {
                case INITIAL -> {
                    if (b.type != BsdasriType.SYNTHESIS) {
                        tabs.set("emitter", BsdTab.FOR_ACTION).set("ecoOrganisme", BsdTab.FOR_ACTION);
                    }
                    tabs.set("transporter", BsdTab.TO_COLLECT);
                }
                case SIGNED_BY_PRODUCER -> tabs.set("transporter", BsdTab.TO_COLLECT);
                case SENT -> tabs.set("destination", BsdTab.FOR_ACTION).set("transporter", BsdTab.COLLECTED);
                case RECEIVED -> tabs.set("destination", BsdTab.FOR_ACTION);
                case PROCESSED, REFUSED, CANCELED -> tabs.all(BsdTab.ARCHIVED);
                default -> {
                }
            }
        }
        Party emitter = party(b.emitter == null ? null : b.emitter.company);
        Party destination = party(b.destination == null ? null : b.destination.company);
        Party transporter = party(b.transporter == null ? null : b.transporter.company);
        List<String> plates = b.transporter == null || b.transporter.transport == null
                || b.transporter.transport.plates == null ? List.of() : b.transporter.transport.plates;
        var pickupSite = b.emitter == null ? null : b.emitter.pickupSite;
        String searchText = Stream.concat(Stream.of(b.id, emitter.name(), emitter.orgId(), destination.name(),
                                destination.orgId(), transporter.name(), transporter.orgId(),
                                b.waste == null ? null : b.waste.code, b.waste == null ? null : b.waste.adr,
                                pickupSite == null ? null : pickupSite.name,
                                pickupSite == null ? null : pickupSite.address,
                                pickupSite == null ? null : pickupSite.postalCode,
                                pickupSite == null ? null : pickupSite.city,
                                b.emitter == null ? null : b.emitter.customInfo,
                                b.destination == null ? null : b.destination.cap,
                                b.destination == null ? null : b.destination.customInfo,
                                b.transporter == null ? null : b.transporter.customInfo),
                        b.identification == null || b.identification.numbers == null ? Stream.empty()
                                : b.identification.numbers.stream())
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        return new SearchEntry(b.id, BsdType.BSDASRI, subType(b.type), b.id, null,
                status.name(), b.isDraft, b.createdAt, b.updatedAt, b.waste == null ? null : b.waste.code,
                "Déchets d'activités de soins à risques infectieux", emitter, destination, List.of(transporter), plates,
                tabs.orgIds(), tabs.byTab(), searchText);
    }

    /** The reference's sub-types: a grouping is GATHERING, a synthesis SYNTHESIS, any other INITIAL. */
    private static BsdSubType subType(BsdasriType type) {
        return type == BsdasriType.GROUPING ? BsdSubType.GATHERING
                : type == BsdasriType.SYNTHESIS ? BsdSubType.SYNTHESIS : BsdSubType.INITIAL;
    }

    private static String orgId(FormCompany c) {
        return BsdasriDescriptor.orgId(c);
    }

    private static Party party(FormCompany c) {
        return new Party(orgId(c), c == null ? null : c.name);
    }
}
