package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import fr.wastetrace.bsd.core.search.Bsd;
import fr.wastetrace.bsd.core.search.BsdSearchMapper;
import fr.wastetrace.bsd.core.search.BsdSubType;
import fr.wastetrace.bsd.core.search.BsdTab;
import fr.wastetrace.bsd.core.search.BsdTabs;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.core.search.SearchEntry;
import fr.wastetrace.bsd.core.search.SearchEntry.Party;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsddEvents;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The BSDD in the search across types, with the reference's tabs (forms/elasticHelpers.ts getSiretsByTab): a draft
 * for its creator's companies on it; SEALED to act on for the emitter and the eco-organisme, to collect for the first
 * transporter (not for an appendix-1 container); SIGNED_BY_PRODUCER to collect; SENT to act on for the destination
 * (unless it is the next transporter), collected for the last transporter who took it over, to collect for the next
 * one; the temporary storage's steps for the storer, its onward transporter and the final destination; RECEIVED and
 * ACCEPTED to act on for the (final) destination; the final statuses archived for all; grouped ones followed.
 */
@ApplicationScoped
public class BsddSearch implements BsdSearchMapper {
    @Inject
    BsddRepository forms;
    @Inject
    Jdbc jdbc;
    @Inject
    BsddQueries queries;

    @Override
    public String aggregateType() {
        return BsddEvents.AGGREGATE_TYPE;
    }

    @Override
    public SearchEntry entry(JsonNode state, Set<String> draftAccess) {
        // The state is the API view as published (BsddViews.payload): every field read here is in it as the view has
        // it, so one conversion does (BsddViews.published would rebuild the record and its view: two more copies).
        Form f = EventCodec.mapper().convertValue(state, Form.class);
        var storage = f.temporaryStorageDetail;
        BsdTabs tabs = new BsdTabs().role("emitter", orgId(f.emitter == null ? null : f.emitter.company))
                .role("recipient", orgId(f.recipient == null ? null : f.recipient.company))
                .role("ecoOrganisme", f.ecoOrganisme == null ? null : f.ecoOrganisme.siret)
                .role("broker", orgId(f.broker == null ? null : f.broker.company))
                .role("trader", orgId(f.trader == null ? null : f.trader.company))
                .role("forwardedInDestination", storage == null || storage.destination == null ? null
                        : orgId(storage.destination.company))
                .role("forwardedInTransporter", storage == null || storage.transporter == null ? null
                        : orgId(storage.transporter.company));
        for (int i = 0; i < f.transporters.size(); i++) {
            tabs.role(BsdTabs.transporter(i), orgId(f.transporters.get(i).company));
        }
        for (int i = 0; i < f.intermediaries.size(); i++) {
            tabs.role("intermediary" + i, orgId(f.intermediaries.get(i)));
        }
        tabs(f, draftAccess, tabs);
        List<Party> transporters = f.transporters.stream().map(t -> party(t.company)).toList();
        List<String> plates = f.transporters.stream().map(t -> t.numberPlate).filter(Objects::nonNull).toList();
        Party emitter = party(f.emitter == null ? null : f.emitter.company);
        Party destination = party(f.recipient == null ? null : f.recipient.company);
        String wasteCode = f.wasteDetails == null ? null : f.wasteDetails.code;
        String wasteName = f.wasteDetails == null ? null : f.wasteDetails.name;
        String searchText = Stream.concat(Stream.of(f.readableId, f.customId, emitter.name(), emitter.orgId(),
                                destination.name(), destination.orgId(), wasteCode, wasteName),
                        transporters.stream().flatMap(t -> Stream.of(t.name(), t.orgId())))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        BsdSubType subType = f.emitter != null && f.emitter.type == EmitterType.APPENDIX1 ? BsdSubType.TOURNEE
                : f.emitter != null && f.emitter.type == EmitterType.APPENDIX2 ? BsdSubType.APPENDIX2
                : storage != null ? BsdSubType.TEMP_STORED : BsdSubType.INITIAL;
        return new SearchEntry(f.id, BsdType.BSDD, subType, f.readableId, f.customId, f.status.name(),
                f.status == FormStatus.DRAFT, f.createdAt, f.updatedAt, wasteCode,
                wasteName, emitter, destination, transporters, plates, tabs.orgIds(), tabs.byTab(), searchText);
    }

    private static void tabs(Form f, Set<String> draftAccess, BsdTabs tabs) {
        boolean tempStorage = f.recipient != null && Boolean.TRUE.equals(f.recipient.isTempStorage);
        String finalDestination = tempStorage ? "forwardedInDestination" : "recipient";
        switch (f.status) {
            case DRAFT -> tabs.onlyFor(draftAccess).all(BsdTab.DRAFT);
            case SEALED -> {
                tabs.set("emitter", BsdTab.FOR_ACTION).set("ecoOrganisme", BsdTab.FOR_ACTION);
                if (f.emitter == null || f.emitter.type != EmitterType.APPENDIX1) {
                    tabs.set(BsdTabs.transporter(0), BsdTab.TO_COLLECT);
                }
            }
            case SIGNED_BY_PRODUCER -> tabs.set(BsdTabs.transporter(0), BsdTab.TO_COLLECT);
            case SENT -> tabs.sentAlong("recipient", orgId(f.recipient == null ? null : f.recipient.company),
                    f.transporters.stream().map(t -> orgId(t.company)).toList(),
                    f.transporters.stream().map(t -> t.takenOverAt != null).toList());
            case TEMP_STORED, TEMP_STORER_ACCEPTED -> tabs.set("recipient", BsdTab.FOR_ACTION);
            case RESEALED -> tabs.set("recipient", BsdTab.FOR_ACTION).set("forwardedInTransporter", BsdTab.TO_COLLECT);
            case SIGNED_BY_TEMP_STORER -> tabs.set("forwardedInTransporter", BsdTab.TO_COLLECT);
            case RESENT -> tabs.set("forwardedInTransporter", BsdTab.COLLECTED).set(finalDestination,
                    BsdTab.FOR_ACTION);
            case RECEIVED, ACCEPTED -> tabs.set(finalDestination, BsdTab.FOR_ACTION);
            case REFUSED, PROCESSED, FOLLOWED_WITH_PNTTD, CANCELED, NO_TRACEABILITY -> tabs.all(BsdTab.ARCHIVED);
            default -> {
            }
        }
    }

    private static String orgId(FormCompany c) {
        return c == null ? null : c.identifier();
    }

    private static Party party(FormCompany c) {
        return new Party(orgId(c), c == null ? null : c.name);
    }

    @Override
    public Set<String> draftAccess(String id) {
        return forms.find(id).map(r -> r.draftAccessOrgIds).orElse(Set.of());
    }

    @Override
    public List<String> unindexed(int limit) {
        return jdbc.query("select id from bsdd t where not is_deleted and not exists (select 1 from bsd_search s "
                + "where s.id = t.id) order by row_number limit ?", List.of(limit), rs -> rs.getString(1));
    }

    @Override
    public Optional<JsonNode> lockedState(String id) {
        return forms.findForUpdate(id).filter(r -> !r.isDeleted)
                .map(r -> BsddViews.payload(BsddViews.of(r, forms.transporters(r.id))));
    }

    @Override
    public Bsd node(JsonNode state) {
        return BsddViews.published(state).view();
    }

    @Override
    public Bsd read(CallerIdentity caller, String id) {
        return queries.form(caller, id, null);
    }
}
