package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransporter;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.mutation.DocumentType;
import fr.wastetrace.bsd.core.permission.Deletion;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentTable;
import fr.wastetrace.bsd.core.persistence.DocumentTable.Column;
import fr.wastetrace.events.bsd.BsvhuEvents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The BSVHU as the core sees it: its table and derived columns, who may do what (reference permissions.ts) and its
 * events.
 */
public final class BsvhuType implements DocumentType<Bsvhu> {
    public static final BsvhuType INSTANCE = new BsvhuType();

    static final DocumentTable<Bsvhu> TABLE = new DocumentTable<>("bsvhu", "bsvhu", Bsvhu.class, true,
            BsvhuType::contributors, List.of(
            Column.text("custom_id", b -> b.customId),
            Column.text("emitter_org_id", b -> b.emitter == null ? null : orgId(b.emitter.company)),
            Column.text("destination_org_id", b -> b.destination == null ? null : orgId(b.destination.company)),
            Column.textArray("transporter_org_ids", b -> b.transporters.stream().map(t -> orgId(t.company))
                    .filter(Objects::nonNull).toList()),
            Column.text("broker_org_id", b -> b.broker == null ? null : orgId(b.broker.company)),
            Column.text("trader_org_id", b -> b.trader == null ? null : orgId(b.trader.company)),
            Column.text("eco_organisme_org_id", b -> b.ecoOrganisme == null ? null : b.ecoOrganisme.siret),
            Column.textArray("intermediary_org_ids", b -> b.intermediaries == null ? List.of()
                    : b.intermediaries.stream().map(BsvhuType::orgId).filter(Objects::nonNull).toList())));

    private static final EventMapping EVENTS = new EventMapping(BsvhuEvents.AGGREGATE_TYPE, BsvhuEvents.UPSERTED,
            BsvhuEvents.DELETED, BsvhuEvents.SCHEMA_VERSION);

    private BsvhuType() {
    }

    @Override
    public DocumentTable<Bsvhu> table() {
        return TABLE;
    }

    @Override
    public EventMapping events() {
        return EVENTS;
    }

    /** Every org id on the BSVHU: emitter, destination, eco-organisme, broker, trader, intermediaries, transporters. */
    public static Set<String> contributors(Bsvhu b) {
        Set<String> ids = new LinkedHashSet<>();
        ids.addAll(creators(b));
        if (b.intermediaries != null) {
            b.intermediaries.forEach(c -> ids.add(orgId(c)));
        }
        ids.remove(null);
        return ids;
    }

    /** The org ids through which a BSVHU may be created (the intermediaries do not count). */
    public static Set<String> creators(Bsvhu b) {
        Set<String> ids = new LinkedHashSet<>();
        if (b.emitter != null) {
            ids.add(orgId(b.emitter.company));
        }
        if (b.destination != null) {
            ids.add(orgId(b.destination.company));
        }
        if (b.ecoOrganisme != null) {
            ids.add(b.ecoOrganisme.siret);
        }
        if (b.broker != null) {
            ids.add(orgId(b.broker.company));
        }
        if (b.trader != null) {
            ids.add(orgId(b.trader.company));
        }
        for (BsvhuTransporter t : b.transporters) {
            ids.add(orgId(t.company));
        }
        ids.remove(null);
        return ids;
    }

    @Override
    public Set<String> orgIdsAllowedTo(Verb verb, BsdRecord<Bsvhu> record) {
        Set<String> onIt = record.isDraft ? record.draftAccessOrgIds : contributors(record.data);
        return switch (verb) {
            case UPDATE, DUPLICATE -> onIt;
            case DELETE -> Deletion.allowedOrgIds(BsvhuSignatures.signed(record.data).size(), onIt,
                    record.data.emitter == null ? null : orgId(record.data.emitter.company));
        };
    }

    @Override
    public String refusal(Verb verb, BsdRecord<Bsvhu> record) {
        return switch (verb) {
            case UPDATE -> "Votre établissement doit être visé sur le bordereau";
            case DUPLICATE -> "Vous ne pouvez pas dupliquer un bordereau sur lequel votre entreprise n'apparait pas";
            case DELETE -> Deletion.refusal(BsvhuSignatures.signed(record.data).size());
        };
    }

    static String orgId(FormCompany company) {
        return company == null ? null : company.identifier();
    }

}
