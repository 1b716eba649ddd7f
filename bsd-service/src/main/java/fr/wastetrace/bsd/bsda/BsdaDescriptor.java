package fr.wastetrace.bsd.bsda;

import java.util.Optional;
import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.mutation.DocumentType;
import fr.wastetrace.bsd.core.permission.Deletion;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentTable;
import fr.wastetrace.bsd.core.persistence.DocumentTable.Column;
import fr.wastetrace.events.bsd.BsdaEvents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The BSDA as the core sees it: its table and derived columns, who may do what (reference permissions.ts) and its
 * events.
 */
public final class BsdaDescriptor implements DocumentType<Bsda> {
    public static final BsdaDescriptor INSTANCE = new BsdaDescriptor();

    static final DocumentTable<Bsda> TABLE = new DocumentTable<>("bsda", "bsda", Bsda.class, true,
            BsdaDescriptor::contributors, List.of(
            Column.text("type", b -> b.type == null ? null : b.type.name()),
            Column.text("emitter_org_id", b -> b.emitter == null ? null : orgId(b.emitter.company)),
            Column.text("worker_org_id", b -> b.worker == null ? null : orgId(b.worker.company)),
            Column.text("destination_org_id", b -> b.destination == null ? null : orgId(b.destination.company)),
            Column.textArray("transporter_org_ids", b -> b.transporters.stream().map(t -> orgId(t.company))
                    .filter(Objects::nonNull).toList()),
            Column.text("broker_org_id", b -> b.broker == null ? null : orgId(b.broker.company)),
            Column.text("eco_organisme_org_id", b -> b.ecoOrganisme == null ? null : b.ecoOrganisme.siret),
            Column.text("waste_code", b -> b.waste == null ? null : b.waste.code),
            Column.text("grouped_in_id", b -> b.groupedInId),
            Column.text("forwarded_in_id", b -> b.forwardedInId)));

    private static final EventMapping EVENTS = new EventMapping(BsdaEvents.AGGREGATE_TYPE, BsdaEvents.UPSERTED,
            BsdaEvents.DELETED, BsdaEvents.SCHEMA_VERSION);

    private BsdaDescriptor() {
    }

    @Override
    public DocumentTable<Bsda> table() {
        return TABLE;
    }

    @Override
    public EventMapping events() {
        return EVENTS;
    }

    /**
     * Every org id on the BSDA (who reads it): emitter, eco-organisme, destination, worker, broker, next destination,
     * transporters, intermediaries.
     */
    public static Set<String> contributors(Bsda b) {
        Set<String> ids = new LinkedHashSet<>(creators(b));
        if (b.intermediaries != null) {
            b.intermediaries.forEach(c -> ids.add(orgId(c)));
        }
        ids.remove(null);
        return ids;
    }

    /** The org ids through which a BSDA may be created. */
    public static Set<String> creators(Bsda b) {
        Set<String> ids = new LinkedHashSet<>();
        if (b.emitter != null) {
            ids.add(orgId(b.emitter.company));
        }
        if (b.ecoOrganisme != null) {
            ids.add(b.ecoOrganisme.siret);
        }
        if (b.destination != null) {
            ids.add(orgId(b.destination.company));
            if (b.destination.operation != null && b.destination.operation.nextDestination != null) {
                ids.add(orgId(b.destination.operation.nextDestination.company));
            }
        }
        if (b.worker != null) {
            ids.add(orgId(b.worker.company));
        }
        if (b.broker != null) {
            ids.add(orgId(b.broker.company));
        }
        for (BsdaTransporter t : b.transporters) {
            ids.add(orgId(t.company));
        }
        if (b.intermediaries != null) {
            b.intermediaries.forEach(c -> ids.add(orgId(c)));
        }
        ids.remove(null);
        return ids;
    }

    @Override
    public Set<String> orgIdsAllowedTo(Verb verb, BsdRecord<Bsda> record) {
        Set<String> onIt = record.isDraft ? record.draftAccessOrgIds : contributors(record.data);
        return switch (verb) {
            case UPDATE, DUPLICATE -> onIt;
            case DELETE -> Deletion.allowedOrgIds(signaturesForDeletion(record), onIt,
                    record.data.emitter == null ? null : orgId(record.data.emitter.company));
        };
    }

    /** A processed, refused, forwarded-on or canceled BSDA is no longer updated. */
    @Override
    public Optional<String> updateRefusal(BsdRecord<Bsda> record) {
        BsdaStatus status = BsdaStatus.valueOf(record.status);
        return status == BsdaStatus.PROCESSED || status == BsdaStatus.REFUSED || status == BsdaStatus.AWAITING_CHILD
                || status == BsdaStatus.CANCELED
                ? Optional.of("Ce BSDA ne peut plus être modifié (statut " + status + ").") : Optional.empty();
    }

    @Override
    public String refusal(Verb verb, BsdRecord<Bsda> record) {
        return switch (verb) {
            case UPDATE -> "Vous ne pouvez pas modifier un bordereau sur lequel votre entreprise n'apparait pas";
            case DUPLICATE -> "Vous ne pouvez pas dupliquer un bordereau sur lequel votre entreprise n'apparait pas";
            case DELETE -> signaturesForDeletion(record) == 0 ? Deletion.NOT_ALLOWED
                    : "Seuls les bordereaux en brouillon ou n'ayant pas encore été signés peuvent être supprimés";
        };
    }

    /** Deletion goes by status: INITIAL any company on it, SIGNED_BY_PRODUCER the emitter, later nobody. */
    private static int signaturesForDeletion(BsdRecord<Bsda> record) {
        if (record.isDraft || BsdaStatus.INITIAL.name().equals(record.status)) {
            return 0;
        }
        return BsdaStatus.SIGNED_BY_PRODUCER.name().equals(record.status) ? 1 : 2;
    }

    static String orgId(FormCompany company) {
        return company == null ? null : company.identifier();
    }
}
