package fr.wastetrace.bsd.bsvhu;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.search.DocumentSearchMapper;
import fr.wastetrace.bsd.core.search.BsdSubType;
import fr.wastetrace.bsd.core.search.BsdTab;
import fr.wastetrace.bsd.core.search.BsdTabs;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.core.search.SearchEntry;
import fr.wastetrace.bsd.core.search.SearchEntry.Party;
import fr.wastetrace.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The BSVHU in the search across types, with the reference's tabs (bsvhu/elastic.ts): a draft for its creator's
 * companies on it; INITIAL to act on for the emitter (the first transporter follows it, or has it to collect when the
 * emitter cannot sign); SIGNED_BY_PRODUCER to collect for the first transporter; SENT to act on for the destination
 * (unless it is the next transporter), collected for the last transporter who signed, to collect for the next one;
 * RECEIVED to act on for the destination; PROCESSED and REFUSED archived for all.
 */
@ApplicationScoped
public class BsvhuSearch extends DocumentSearchMapper<Bsvhu> {
    public BsvhuSearch() {
        super(BsvhuType.INSTANCE, BsvhuService::view);
    }

    @Override
    public SearchEntry entry(JsonNode state, Set<String> draftAccess) {
        Bsvhu b = EventCodec.mapper().convertValue(state, Bsvhu.class);
        BsdTabs tabs = new BsdTabs().role("emitter", orgId(b.emitter == null ? null : b.emitter.company))
                .role("destination", orgId(b.destination == null ? null : b.destination.company))
                .role("ecoOrganisme", b.ecoOrganisme == null ? null : b.ecoOrganisme.siret)
                .role("broker", orgId(b.broker == null ? null : b.broker.company))
                .role("trader", orgId(b.trader == null ? null : b.trader.company));
        for (int i = 0; i < b.transporters.size(); i++) {
            tabs.role(BsdTabs.transporter(i), orgId(b.transporters.get(i).company));
        }
        if (b.intermediaries != null) {
            for (int i = 0; i < b.intermediaries.size(); i++) {
                tabs.role("intermediary" + i, orgId(b.intermediaries.get(i)));
            }
        }
        boolean draft = state.path("isDraft").asBoolean(false);
        BsvhuStatus status = BsvhuStatus.valueOf(state.path("status").asText());
        if (draft) {
            tabs.onlyFor(draftAccess).all(BsdTab.DRAFT);
        } else {
            tabs(b, status, tabs);
        }
        List<Party> transporters = b.transporters.stream().map(t -> party(t.company)).toList();
        List<String> plates = new ArrayList<>();
        b.transporters.stream().filter(t -> t.transport != null && t.transport.plates != null)
                .forEach(t -> plates.addAll(t.transport.plates));
        Party emitter = party(b.emitter == null ? null : b.emitter.company);
        Party destination = party(b.destination == null ? null : b.destination.company);
        String searchText = Stream.concat(Stream.of(b.id, b.customId, emitter.name(), emitter.orgId(),
                                destination.name(), destination.orgId(), b.wasteCode),
                        transporters.stream().flatMap(t -> Stream.of(t.name(), t.orgId())))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        return new SearchEntry(b.id, BsdType.BSVHU, BsdSubType.INITIAL, b.id, b.customId, status.name(), draft,
                b.createdAt, b.updatedAt, b.wasteCode, null, emitter, destination, transporters, plates,
                tabs.orgIds(), tabs.byTab(), searchText);
    }

    private static void tabs(Bsvhu b, BsvhuStatus status, BsdTabs tabs) {
        switch (status) {
            case INITIAL -> {
                boolean cannotSign = b.emitter != null && (b.emitter.noSiret || b.emitter.notOnTD);
                if (b.emitter == null || !b.emitter.noSiret) {
                    tabs.set("emitter", BsdTab.FOR_ACTION);
                }
                tabs.set(BsdTabs.transporter(0), cannotSign ? BsdTab.TO_COLLECT : BsdTab.FOLLOW);
            }
            case SIGNED_BY_PRODUCER -> tabs.set(BsdTabs.transporter(0), BsdTab.TO_COLLECT);
            case SENT -> tabs.sentAlong("destination", orgId(b.destination == null ? null : b.destination.company),
                    b.transporters.stream().map(t -> orgId(t.company)).toList(),
                    b.transporters.stream().map(BsvhuSignatures::signed).toList());
            case RECEIVED -> tabs.set("destination", BsdTab.FOR_ACTION);
            case PROCESSED, REFUSED -> tabs.all(BsdTab.ARCHIVED);
        }
    }

    private static String orgId(FormCompany c) {
        return BsvhuType.orgId(c);
    }

    private static Party party(FormCompany c) {
        return new Party(orgId(c), c == null ? null : c.name);
    }
}
