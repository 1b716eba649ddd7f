package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.mutation.DocumentType;
import fr.wastetrace.bsd.core.permission.Deletion;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentTable;
import fr.wastetrace.bsd.core.persistence.DocumentTable.Column;
import fr.wastetrace.events.bsd.BspaohEvents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The BSPAOH as the core sees it: its table and derived columns, who may do what (reference permissions.ts: the
 * producer, the transporter and the crematorium, for every verb) and its events.
 */
public final class BspaohType implements DocumentType<Bspaoh> {
    public static final BspaohType INSTANCE = new BspaohType();

    static final DocumentTable<Bspaoh> TABLE = new DocumentTable<>("bspaoh", "bspaoh", Bspaoh.class, false,
            BspaohType::contributors, List.of(
            Column.text("emitter_org_id", BspaohType::emitterOrgId),
            Column.text("destination_org_id", BspaohType::destinationOrgId),
            Column.text("transporter_org_id", BspaohType::transporterOrgId)));

    private static final EventMapping EVENTS = new EventMapping(BspaohEvents.AGGREGATE_TYPE, BspaohEvents.UPSERTED,
            BspaohEvents.DELETED, BspaohEvents.SCHEMA_VERSION);

    private BspaohType() {
    }

    @Override
    public DocumentTable<Bspaoh> table() {
        return TABLE;
    }

    @Override
    public EventMapping events() {
        return EVENTS;
    }

    /** Every org id on the BSPAOH: producer, crematorium, transporter; they are also those who may create it. */
    public static Set<String> contributors(Bspaoh b) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(emitterOrgId(b));
        ids.add(destinationOrgId(b));
        ids.add(transporterOrgId(b));
        ids.remove(null);
        return ids;
    }

    @Override
    public Set<String> orgIdsAllowedTo(Verb verb, BsdRecord<Bspaoh> record) {
        Set<String> onIt = record.isDraft ? record.draftAccessOrgIds : contributors(record.data);
        return switch (verb) {
            case UPDATE, DUPLICATE -> onIt;
            case DELETE -> Deletion.allowedOrgIds(BspaohSignatures.signed(record.data).size(), onIt,
                    emitterOrgId(record.data));
        };
    }

    @Override
    public String refusal(Verb verb, BsdRecord<Bspaoh> record) {
        return switch (verb) {
            case UPDATE -> "Votre établissement doit être visé sur le bordereau";
            case DUPLICATE -> "Vous ne pouvez pas dupliquer un bordereau sur lequel votre entreprise n'apparait pas";
            case DELETE -> Deletion.refusal(BspaohSignatures.signed(record.data).size());
        };
    }

    static String emitterOrgId(Bspaoh b) {
        return b.emitter == null ? null : orgId(b.emitter.company);
    }

    static String destinationOrgId(Bspaoh b) {
        return b.destination == null ? null : orgId(b.destination.company);
    }

    static String transporterOrgId(Bspaoh b) {
        return b.transporter == null ? null : orgId(b.transporter.company);
    }

    static String orgId(FormCompany company) {
        return company == null ? null : company.identifier();
    }
}
