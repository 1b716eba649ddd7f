package fr.wastetrace.bsd.bsdd.persistence;

import fr.wastetrace.bsd.bsdd.model.FormRole;
import fr.wastetrace.bsd.bsdd.model.FormStatus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The filters and the page of a {@code forms} query, for one org. */
public record BsddListQuery(String orgId, Set<FormRole> roles, List<FormStatus> statuses, Boolean hasNextStep,
                         String siretPresentOnForm, String wasteCode, String customId, Instant sentAfter,
                         Instant updatedAfter, String cursorAfter, String cursorBefore, int limit, int skip) {

    /** The org (4 parameters) is on the BSDD, and the BSDD is not a draft the org cannot see. */
    static final String VISIBLE_TO_ORG = "(? in (b.emitter_org_id, b.recipient_org_id, b.trader_org_id, b.broker_org_id, "
            + "b.eco_organisme_org_id, b.temp_storage_destination_org_id, b.temp_storage_transporter_org_id) or ? = any(b.transporter_org_ids) or ? = any(b.intermediary_org_ids)) "
            + "and (b.status <> 'DRAFT' or ? = any(b.draft_access_org_ids))";

    private static final String PRESENT = "(? in (b.emitter_org_id, b.recipient_org_id, b.trader_org_id, "
            + "b.broker_org_id, b.eco_organisme_org_id, b.temp_storage_destination_org_id, b.temp_storage_transporter_org_id) or ? = any(b.transporter_org_ids) or ? = any(b.intermediary_org_ids))";

    /**
     * What awaits an action from the org (7 parameters): its signature as emitter, as the next transporter (one after
     * the other in a multimodal transport), as destination; through temporary storage, as temporary storer, onward
     * transporter or final destination. Never null, so that its negation is the complement.
     */
    private static final String NEXT_STEP = "coalesce((b.status = 'DRAFT' or (b.status = 'SEALED' and b.emitter_org_id = ?) "
            + "or (b.status = 'SIGNED_BY_PRODUCER' and b.transporter_org_ids[1] = ?) "
            + "or (b.status = 'SENT' and b.data ->> 'nextTransporterSiret' = ?) "
            + "or (b.temp_storage_destination_org_id is null and b.status in ('SENT', 'RECEIVED', 'ACCEPTED') "
            + "and b.recipient_org_id = ?) "
            + "or (b.temp_storage_destination_org_id is not null and b.status in ('SENT', 'TEMP_STORED', "
            + "'TEMP_STORER_ACCEPTED', 'RESEALED') and b.recipient_org_id = ?) "
            + "or (b.status = 'SIGNED_BY_TEMP_STORER' and b.temp_storage_transporter_org_id = ?) "
            + "or (b.status in ('RESENT', 'RECEIVED', 'ACCEPTED') and b.temp_storage_destination_org_id = ?)), false)";

    void appendFilters(StringBuilder sql, List<Object> params) {
        if (roles == null || roles.isEmpty()) {
            sql.append(VISIBLE_TO_ORG);
            params.addAll(List.of(orgId, orgId, orgId, orgId));
        } else {
            sql.append("(");
            String separator = "";
            for (FormRole role : roles) {
                sql.append(separator).append(switch (role) {
                    case EMITTER -> "b.emitter_org_id = ?";
                    case RECIPIENT -> "? in (b.recipient_org_id, b.temp_storage_destination_org_id)";
                    case TRANSPORTER -> "? = any(array_append(b.transporter_org_ids, b.temp_storage_transporter_org_id))";
                    case TRADER -> "b.trader_org_id = ?";
                    case BROKER -> "b.broker_org_id = ?";
                    case ECO_ORGANISME -> "b.eco_organisme_org_id = ?";
                    case INTERMEDIARY -> "? = any(b.intermediary_org_ids)";
                });
                params.add(orgId);
                separator = " or ";
            }
            sql.append(") and (b.status <> 'DRAFT' or ? = any(b.draft_access_org_ids))");
            params.add(orgId);
        }
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" and b.status = any(?)");
            params.add(statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        if (hasNextStep != null) {
            sql.append(hasNextStep ? " and " : " and not ").append(NEXT_STEP);
            params.addAll(List.of(orgId, orgId, orgId, orgId, orgId, orgId, orgId));
        }
        if (siretPresentOnForm != null) {
            sql.append(" and ").append(PRESENT);
            params.addAll(List.of(siretPresentOnForm, siretPresentOnForm, siretPresentOnForm));
        }
        if (wasteCode != null) {
            sql.append(" and b.waste_code = ?");
            params.add(wasteCode);
        }
        if (customId != null) {
            sql.append(" and b.custom_id = ?");
            params.add(customId);
        }
        if (sentAfter != null) {
            sql.append(" and b.sent_at >= ?");
            params.add(Timestamp.from(sentAfter));
        }
        if (updatedAfter != null) {
            sql.append(" and b.updated_at >= ?");
            params.add(Timestamp.from(updatedAfter));
        }
    }

    /** The filters and the page of a {@code formsLifeCycle} query, for one org. */
    public record LifeCycle(String orgId, String formId, Instant loggedAfter, Instant loggedBefore, String cursorAfter,
                            String cursorBefore, int limit) {
    }
}
