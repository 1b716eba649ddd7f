package fr.wastetrace.bsd.bsdd.persistence;

import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Reads the grouping relation between BSDDs. A grouping BSDD (appendix 2, appendix-1 container) stores the BSDDs it
 * groups in its document ({@code data.grouping}); this repository answers the reverse questions (in which BSDDs is
 * one grouped, which are still waiting to be grouped) with the document's GIN index (migration V4).
 */
@ApplicationScoped
public class GroupingRepository {

    /** One grouping BSDD that takes part of a BSDD, and how much. */
    public record Allotment(String groupingFormId, FormStatus groupingStatus, double quantity) {
    }

    private final BsddRepository forms;

    @Inject
    public GroupingRepository(BsddRepository forms) {
        this.forms = forms;
    }

    /** The live (not deleted) grouping BSDDs that hold a part of {@code formId}, oldest first. */
    public List<Allotment> allotmentsOf(String formId) {
        String sql = """
                select b.id, b.status, coalesce((f ->> 'quantity')::float8, 0)
                from bsdd b cross join lateral jsonb_array_elements(b.data -> 'grouping') f
                where not b.is_deleted and b.data -> 'grouping' @> cast(? as jsonb) and f ->> 'formId' = ?
                order by b.row_number""";
        String containing = EventCodec.mapper().createArrayNode().add(EventCodec.mapper().createObjectNode()
                .put("formId", formId)).toString();
        return forms.query(sql, ps -> {
            ps.setString(1, containing);
            ps.setString(2, formId);
        }, rs -> new Allotment(rs.getString(1), FormStatus.valueOf(rs.getString(2)), rs.getDouble(3)));
    }

    /**
     * Locks the live container (appendix-1 BSDD) that lists {@code formId} among its items, if any. A change to an item
     * that moves its container (a transport signature, a revision) calls this before it locks the item, so that it
     * takes the locks in the order a change to the container does (container, then its items) and the two cannot
     * deadlock. For a BSDD in no dedicated round it is one index lookup that finds nothing.
     */
    public void lockContainerOf(String formId) {
        String sql = """
                select b.id from bsdd b
                where not b.is_deleted and b.data -> 'grouping' @> cast(? as jsonb)
                  and b.data -> 'emitter' ->> 'type' = 'APPENDIX1'
                for update of b""";
        String containing = EventCodec.mapper().createArrayNode().add(EventCodec.mapper().createObjectNode()
                .put("formId", formId)).toString();
        forms.query(sql, ps -> ps.setString(1, containing), rs -> rs.getString(1));
    }

    /**
     * BSDDs waiting to be grouped by {@code orgId}: in AWAITING_GROUP with {@code orgId} as their (final) destination,
     * optionally with one waste code; the most recently processed first.
     */
    public List<String> awaitingGroup(String orgId, String wasteCode) {
        String sql = "select id from bsdd where not is_deleted and status = 'AWAITING_GROUP' "
                + "and coalesce(temp_storage_destination_org_id, recipient_org_id) = ?"
                + (wasteCode == null ? "" : " and waste_code = ?")
                + " order by data ->> 'processedAt' desc nulls last, row_number desc";
        return forms.query(sql, ps -> {
            ps.setString(1, orgId);
            if (wasteCode != null) {
                ps.setString(2, wasteCode);
            }
        }, rs -> rs.getString(1));
    }
}
