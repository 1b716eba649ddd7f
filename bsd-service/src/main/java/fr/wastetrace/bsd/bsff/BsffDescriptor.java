package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffFicheIntervention;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporter;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.mutation.DocumentType;
import fr.wastetrace.bsd.core.permission.Deletion;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentTable;
import fr.wastetrace.bsd.core.persistence.DocumentTable.Column;
import fr.wastetrace.events.bsd.BsffEvents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The BSFF as the core sees it: its table and derived columns, who may do what (reference permissions.ts) and its
 * events. (The GraphQL enum {@code BsffType} names the kind of BSFF, hence this class's name.) The holders of the
 * intervention sheets read the BSFF but never change it.
 */
public final class BsffDescriptor implements DocumentType<Bsff> {
    public static final BsffDescriptor INSTANCE = new BsffDescriptor();

    static final DocumentTable<Bsff> TABLE = new DocumentTable<>("bsff", "bsff", Bsff.class, true,
            BsffDescriptor::readers, List.of(
            Column.text("type", b -> b.type == null ? null : b.type.name()),
            Column.text("emitter_org_id", b -> b.emitter == null ? null : orgId(b.emitter.company)),
            Column.text("destination_org_id", b -> b.destination == null ? null : orgId(b.destination.company)),
            Column.textArray("transporter_org_ids", b -> b.transporters.stream().map(t -> orgId(t.company))
                    .filter(Objects::nonNull).toList()),
            Column.textArray("detenteur_org_ids", BsffDescriptor::detenteurs),
            Column.textArray("packaging_ids", b -> b.packagings.stream().map(p -> p.id).toList()),
            Column.textArray("previous_packaging_ids", b -> b.packagings.stream()
                    .flatMap(p -> p.previousPackagingIds.stream()).distinct().toList())));

    private static final EventMapping EVENTS = new EventMapping(BsffEvents.AGGREGATE_TYPE, BsffEvents.UPSERTED,
            BsffEvents.DELETED, BsffEvents.SCHEMA_VERSION);

    private BsffDescriptor() {
    }

    @Override
    public DocumentTable<Bsff> table() {
        return TABLE;
    }

    @Override
    public EventMapping events() {
        return EVENTS;
    }

    /** Who sees a published BSFF: its contributors and the holders of its intervention sheets. */
    public static Set<String> readers(Bsff b) {
        Set<String> ids = new LinkedHashSet<>(contributors(b));
        ids.addAll(detenteurs(b));
        return ids;
    }

    /** The companies that act on the BSFF: emitter, transporters, destination. */
    public static Set<String> contributors(Bsff b) {
        Set<String> ids = new LinkedHashSet<>();
        if (b.emitter != null) {
            ids.add(orgId(b.emitter.company));
        }
        for (BsffTransporter t : b.transporters) {
            ids.add(orgId(t.company));
        }
        if (b.destination != null) {
            ids.add(orgId(b.destination.company));
        }
        ids.remove(null);
        return ids;
    }

    static List<String> detenteurs(Bsff b) {
        return b.ficheInterventions.stream().map(BsffDescriptor::detenteurOrgId).filter(Objects::nonNull).distinct()
                .toList();
    }

    static String detenteurOrgId(BsffFicheIntervention f) {
        return f.detenteur == null ? null : orgId(f.detenteur.company);
    }

    @Override
    public Set<String> orgIdsAllowedTo(Verb verb, BsdRecord<Bsff> record) {
        Set<String> onIt = new LinkedHashSet<>(contributors(record.data));
        if (record.isDraft) {
            onIt.retainAll(record.draftAccessOrgIds);
        }
        return switch (verb) {
            case UPDATE, DUPLICATE -> onIt;
            case DELETE -> Deletion.allowedOrgIds(BsffSignatures.signed(record.data).size(), onIt,
                    record.data.emitter == null ? null : orgId(record.data.emitter.company));
        };
    }

    @Override
    public String refusal(Verb verb, BsdRecord<Bsff> record) {
        return switch (verb) {
            case UPDATE -> "Vous ne pouvez pas modifier un BSFF sur lequel votre établissement n'apparaît pas.";
            case DUPLICATE -> "Vous ne pouvez pas dupliquer un BSFF sur lequel votre établissement n'apparaît pas.";
            case DELETE -> Deletion.refusal(BsffSignatures.signed(record.data).size());
        };
    }

    static String orgId(FormCompany company) {
        return company == null ? null : company.identifier();
    }

    static boolean hasPackaging(Bsff b, String packagingId) {
        return b.packagings.stream().map((BsffPackaging p) -> p.id).anyMatch(packagingId::equals);
    }
}
