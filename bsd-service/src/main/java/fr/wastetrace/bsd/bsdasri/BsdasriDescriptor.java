package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import java.util.Optional;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.mutation.DocumentType;
import fr.wastetrace.bsd.core.permission.Deletion;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentTable;
import fr.wastetrace.bsd.core.persistence.DocumentTable.Column;
import fr.wastetrace.events.bsd.BsdasriEvents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The BSDASRI as the core sees it: its table and derived columns, who may do what (reference permissions.ts) and its
 * events. (The GraphQL enum {@code BsdasriType} names the kind of BSDASRI, hence this class's name.)
 */
public final class BsdasriDescriptor implements DocumentType<Bsdasri> {
    public static final BsdasriDescriptor INSTANCE = new BsdasriDescriptor();

    static final DocumentTable<Bsdasri> TABLE = new DocumentTable<>("bsdasri", "bsdasri", Bsdasri.class, false,
            BsdasriDescriptor::contributors, List.of(
            Column.text("type", b -> b.type == null ? null : b.type.name()),
            Column.text("emitter_org_id", b -> b.emitter == null ? null : orgId(b.emitter.company)),
            Column.text("transporter_org_id", b -> b.transporter == null ? null : orgId(b.transporter.company)),
            Column.text("destination_org_id", b -> b.destination == null ? null : orgId(b.destination.company)),
            Column.text("eco_organisme_org_id", b -> b.ecoOrganisme == null ? null : b.ecoOrganisme.siret),
            Column.text("broker_org_id", b -> b.broker == null ? null : orgId(b.broker.company)),
            Column.text("trader_org_id", b -> b.trader == null ? null : orgId(b.trader.company)),
            Column.textArray("intermediary_org_ids", b -> b.intermediaries == null ? List.of()
                    : b.intermediaries.stream().map(BsdasriDescriptor::orgId).filter(Objects::nonNull).toList()),
            Column.text("grouped_in_id", b -> b.groupedInId),
            Column.text("synthesized_in_id", b -> b.synthesizedInId)));

    private static final EventMapping EVENTS = new EventMapping(BsdasriEvents.AGGREGATE_TYPE, BsdasriEvents.UPSERTED,
            BsdasriEvents.DELETED, BsdasriEvents.SCHEMA_VERSION);

    private BsdasriDescriptor() {
    }

    @Override
    public DocumentTable<Bsdasri> table() {
        return TABLE;
    }

    @Override
    public EventMapping events() {
        return EVENTS;
    }

    /** Every org id on the BSDASRI: its creators and the intermediaries. */
    public static Set<String> contributors(Bsdasri b) {
        Set<String> ids = new LinkedHashSet<>(creators(b));
        if (b.intermediaries != null) {
            b.intermediaries.forEach(c -> ids.add(orgId(c)));
        }
        ids.remove(null);
        return ids;
    }

    /** The org ids through which a BSDASRI may be created: emitter, eco-organisme, transporter, destination... */
    public static Set<String> creators(Bsdasri b) {
        Set<String> ids = new LinkedHashSet<>();
        if (b.emitter != null) {
            ids.add(orgId(b.emitter.company));
        }
        if (b.ecoOrganisme != null) {
            ids.add(b.ecoOrganisme.siret);
        }
        if (b.transporter != null) {
            ids.add(orgId(b.transporter.company));
        }
        if (b.destination != null) {
            ids.add(orgId(b.destination.company));
        }
        if (b.broker != null) {
            ids.add(orgId(b.broker.company));
        }
        if (b.trader != null) {
            ids.add(orgId(b.trader.company));
        }
        ids.remove(null);
        return ids;
    }

    @Override
    public Set<String> orgIdsAllowedTo(Verb verb, BsdRecord<Bsdasri> record) {
        Set<String> onIt = record.isDraft ? record.draftAccessOrgIds : contributors(record.data);
        return switch (verb) {
            case UPDATE, DUPLICATE -> onIt;
            case DELETE -> record.data.groupedInId != null || record.data.synthesizedInId != null ? Set.of()
                    : Deletion.allowedOrgIds(BsdasriSignatures.signed(record.data).size(), onIt,
                    record.data.emitter == null ? null : orgId(record.data.emitter.company));
        };
    }

    /** A processed, refused, grouped-on or canceled BSDASRI is no longer updated. */
    @Override
    public Optional<String> updateRefusal(BsdRecord<Bsdasri> record) {
        BsdasriStatus status = BsdasriStatus.valueOf(record.status);
        return status == BsdasriStatus.PROCESSED || status == BsdasriStatus.REFUSED
                || status == BsdasriStatus.AWAITING_GROUP || status == BsdasriStatus.CANCELED
                ? Optional.of("Ce bordereau n'est plus modifiable") : Optional.empty();
    }

    @Override
    public String refusal(Verb verb, BsdRecord<Bsdasri> record) {
        return switch (verb) {
            case UPDATE -> "Vous ne pouvez pas modifier un bordereau sur lequel votre entreprise n'apparait pas";
            case DUPLICATE -> "Vous ne pouvez pas dupliquer un bordereau sur lequel votre entreprise n'apparait pas";
            case DELETE -> Deletion.refusal(BsdasriSignatures.signed(record.data).size());
        };
    }

    static String orgId(FormCompany company) {
        return company == null ? null : company.identifier();
    }
}
