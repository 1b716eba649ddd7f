package fr.wastetrace.bsd.bsff;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffFicheIntervention;
import fr.wastetrace.bsd.bsff.model.BsffStatus;
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
 * The BSFF in the search across types, with the reference's tabs (bsffs/elastic.ts): a draft is a draft for its
 * creator's companies on it; INITIAL is to act on for the emitter; SIGNED_BY_EMITTER to collect for the first
 * transporter; SENT follows the transporter chain (core multimodal rule); RECEIVED, ACCEPTED and PARTIALLY_REFUSED
 * are to act on for the destination; PROCESSED and REFUSED archived for all; every other company (the holders of
 * the intervention sheets, an intermediately processed BSFF) follows it.
 */
@ApplicationScoped
public class BsffSearch extends DocumentSearchMapper<Bsff> {
    public BsffSearch() {
        super(BsffService.TYPE, BsffService::view);
    }

    @Override
    public SearchEntry entry(JsonNode state, Set<String> draftAccess) {
        Bsff b = EventCodec.mapper().convertValue(state, Bsff.class);
        String destinationOrgId = orgId(b.destination == null ? null : b.destination.company);
        BsdTabs tabs = new BsdTabs().role("emitter", orgId(b.emitter == null ? null : b.emitter.company))
                .role("destination", destinationOrgId);
        for (int i = 0; i < b.transporters.size(); i++) {
            tabs.role(BsdTabs.transporter(i), orgId(b.transporters.get(i).company));
        }
        for (int i = 0; i < b.ficheInterventions.size(); i++) {
            tabs.role("detenteur" + i, BsffDescriptor.detenteurOrgId(b.ficheInterventions.get(i)));
        }
        boolean draft = state.path("isDraft").asBoolean(false);
        BsffStatus status = BsffStatus.valueOf(state.path("status").asText());
        if (draft) {
            tabs.onlyFor(draftAccess).all(BsdTab.DRAFT);
        } else {
            switch (status) {
                case INITIAL -> tabs.set("emitter", BsdTab.FOR_ACTION);
                case SIGNED_BY_EMITTER -> tabs.set(BsdTabs.transporter(0), BsdTab.TO_COLLECT);
                case SENT -> tabs.sentAlong("destination", destinationOrgId,
                        b.transporters.stream().map(t -> orgId(t.company)).toList(),
                        b.transporters.stream().map(BsffSignatures::signed).toList());
                case RECEIVED, ACCEPTED, PARTIALLY_REFUSED -> tabs.set("destination", BsdTab.FOR_ACTION);
                case PROCESSED, REFUSED -> tabs.all(BsdTab.ARCHIVED);
                default -> {
                }
            }
        }
        List<Party> transporters = b.transporters.stream().map(t -> party(t.company)).toList();
        List<String> plates = new ArrayList<>();
        b.transporters.stream().filter(t -> t.transport != null && t.transport.plates != null)
                .forEach(t -> plates.addAll(t.transport.plates));
        Party emitter = party(b.emitter == null ? null : b.emitter.company);
        Party destination = party(b.destination == null ? null : b.destination.company);
        String searchText = Stream.of(
                        Stream.of(b.id, emitter.name(), emitter.orgId(), destination.name(), destination.orgId(),
                                b.waste == null ? null : b.waste.code, b.waste == null ? null : b.waste.description),
                        transporters.stream().flatMap(t -> Stream.of(t.name(), t.orgId())),
                        b.packagings.stream().map(p -> p.numero),
                        b.ficheInterventions.stream().map((BsffFicheIntervention f) -> f.numero))
                .flatMap(s -> s).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return new SearchEntry(b.id, BsdType.BSFF, subType(b), b.id, null, status.name(), draft, b.createdAt,
                b.updatedAt, b.waste == null ? null : b.waste.code, b.waste == null ? null : b.waste.description,
                emitter, destination, transporters, plates, tabs.orgIds(), tabs.byTab(), searchText);
    }

    private static BsdSubType subType(Bsff b) {
        return switch (b.type) {
            case GROUPEMENT -> BsdSubType.GROUPEMENT;
            case RECONDITIONNEMENT -> BsdSubType.RECONDITIONNEMENT;
            case REEXPEDITION -> BsdSubType.RESHIPMENT;
            default -> BsdSubType.INITIAL;
        };
    }

    private static String orgId(FormCompany c) {
        return BsffDescriptor.orgId(c);
    }

    private static Party party(FormCompany c) {
        return new Party(orgId(c), c == null ? null : c.name);
    }
}
