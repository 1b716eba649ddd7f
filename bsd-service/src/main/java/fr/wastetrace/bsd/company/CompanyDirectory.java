package fr.wastetrace.bsd.company;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.identity.CallerIdentity;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local read model of companies and memberships (tables {@code company_view}, {@code company_member_view}),
 * kept up to date from company-service's events: an event is applied only when its version is newer than the one
 * held, so repeated and late events change nothing.
 */
@ApplicationScoped
public class CompanyDirectory {
    private final AgroalDataSource dataSource;

    @Inject
    public CompanyDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies one company event; returns whether it changed the read model. */
    @Transactional
    public boolean apply(EventEnvelope event) {
        boolean deleted = CompanyState.DELETED.equals(event.type());
        if (!deleted && !CompanyState.UPSERTED.equals(event.type())) {
            return false;
        }
        CompanyState state = deleted ? null : EventCodec.mapper().convertValue(event.payload(), CompanyState.class);
        try (Connection c = dataSource.getConnection()) {
            int changed;
            try (PreparedStatement upsert = c.prepareStatement("""
                    insert into company_view (company_id, version, deleted, org_id, siret, vat_number, name, address,
                        company_types, is_dormant, security_code, transporter_receipt, trader_receipt, broker_receipt,
                        allow_appendix1_signature_automation, signature_automation_to, collector_types,
                        waste_processor_types)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)
                    on conflict (company_id) do update set version = excluded.version, deleted = excluded.deleted,
                        org_id = coalesce(excluded.org_id, company_view.org_id), siret = excluded.siret,
                        vat_number = excluded.vat_number, name = excluded.name, address = excluded.address,
                        company_types = excluded.company_types, is_dormant = excluded.is_dormant,
                        security_code = excluded.security_code, transporter_receipt = excluded.transporter_receipt,
                        trader_receipt = excluded.trader_receipt, broker_receipt = excluded.broker_receipt,
                        allow_appendix1_signature_automation = excluded.allow_appendix1_signature_automation,
                        signature_automation_to = excluded.signature_automation_to,
                        collector_types = excluded.collector_types,
                        waste_processor_types = excluded.waste_processor_types
                    where company_view.version < excluded.version""")) {
                upsert.setString(1, event.aggregateId());
                upsert.setLong(2, event.version());
                upsert.setBoolean(3, deleted);
                upsert.setString(4, state == null ? null : state.orgId());
                upsert.setString(5, state == null ? null : state.siret());
                upsert.setString(6, state == null ? null : state.vatNumber());
                upsert.setString(7, state == null ? null : state.name());
                upsert.setString(8, state == null ? null : state.address());
                upsert.setArray(9, c.createArrayOf("text",
                        state == null || state.companyTypes() == null ? new String[0] : state.companyTypes().toArray()));
                upsert.setBoolean(10, state != null && state.isDormant());
                upsert.setObject(11, state == null ? null : state.securityCode(), Types.INTEGER);
                upsert.setString(12, state == null ? null : json(state.transporterReceipt()));
                upsert.setString(13, state == null ? null : json(state.traderReceipt()));
                upsert.setString(14, state == null ? null : json(state.brokerReceipt()));
                upsert.setBoolean(15, state != null && Boolean.TRUE.equals(state.allowAppendix1SignatureAutomation()));
                upsert.setArray(16, c.createArrayOf("text", state == null || state.signatureAutomationTo() == null
                        ? new String[0] : state.signatureAutomationTo().toArray()));
                upsert.setArray(17, state == null || state.collectorTypes() == null ? null
                        : c.createArrayOf("text", state.collectorTypes().toArray()));
                upsert.setArray(18, state == null || state.wasteProcessorTypes() == null ? null
                        : c.createArrayOf("text", state.wasteProcessorTypes().toArray()));
                changed = upsert.executeUpdate();
            }
            if (changed > 0) {
                try (PreparedStatement takeOver = c.prepareStatement(
                        "update company_view set allow_bsdasri_take_over = ? where company_id = ?")) {
                    takeOver.setBoolean(1, state != null
                            && Boolean.TRUE.equals(state.allowBsdasriTakeOverWithoutSignature()));
                    takeOver.setString(2, event.aggregateId());
                    takeOver.executeUpdate();
                }
            }
            if (changed == 0) {
                return false;
            }
            try (PreparedStatement clear = c.prepareStatement("delete from company_member_view where company_id = ?")) {
                clear.setString(1, event.aggregateId());
                clear.executeUpdate();
            }
            if (state != null && state.members() != null) {
                try (PreparedStatement insert = c.prepareStatement(
                        "insert into company_member_view (company_id, subject, email, user_id, role) values (?, ?, ?, ?, ?) "
                                + "on conflict (company_id, subject) do update set role = excluded.role")) {
                    for (CompanyState.Member member : state.members()) {
                        if (member.subject() == null || member.role() == null) {
                            continue;
                        }
                        insert.setString(1, event.aggregateId());
                        insert.setString(2, member.subject());
                        insert.setString(3, member.email());
                        insert.setString(4, member.userId());
                        insert.setString(5, member.role().name());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply company event " + event.id(), e);
        }
    }

    private static String json(CompanyState.Receipt receipt) {
        return receipt == null ? null : EventCodec.mapper().valueToTree(receipt).toString();
    }

    /** Whether the company lets transporters take its DASRI over without its signature (direct take-over). */
    public boolean allowsBsdasriTakeOver(String orgId) {
        if (orgId == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select allow_bsdasri_take_over from company_view where org_id = ? and not deleted")) {
            select.setString(1, orgId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read company " + orgId, e);
        }
    }

    /**
     * The caller's companies and roles, by org id: those its credentials let it act for (a personal access token
     * scoped to some companies leaves the others out, as if the caller were not their member).
     */
    public CallerCompanies companiesOf(CallerIdentity caller) {
        Map<String, UserRole> roles = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select v.org_id, m.role from company_member_view m join company_view v on v.company_id = m.company_id
                     where m.subject = ? and not v.deleted and v.org_id is not null""")) {
            select.setString(1, caller.subject());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (caller.actsFor(rs.getString(1))) {
                        roles.merge(rs.getString(1), UserRole.valueOf(rs.getString(2)), CompanyDirectory::strongest);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the caller's companies", e);
        }
        return new CallerCompanies(caller.subject(), caller.email(), roles);
    }

    private static UserRole strongest(UserRole a, UserRole b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    public Optional<CompanyView> byOrgId(String orgId) {
        if (orgId == null) {
            return Optional.empty();
        }
        return byOrgIds(List.of(orgId)).stream().findFirst();
    }

    public List<CompanyView> byOrgIds(Collection<String> orgIds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select company_id, org_id, siret, vat_number, name, address, company_types, is_dormant, security_code,
                            transporter_receipt, trader_receipt, broker_receipt,
                            allow_appendix1_signature_automation, signature_automation_to, collector_types,
                            waste_processor_types
                     from company_view where org_id = any(?) and not deleted""")) {
            select.setArray(1, c.createArrayOf("text", orgIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                List<CompanyView> result = new ArrayList<>();
                while (rs.next()) {
                    Array types = rs.getArray(7);
                    Integer code = rs.getObject(9) == null ? null : rs.getInt(9);
                    result.add(new CompanyView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), Arrays.asList((String[]) types.getArray()),
                            rs.getBoolean(8), code, receipt(rs.getString(10)), receipt(rs.getString(11)),
                            receipt(rs.getString(12)), rs.getBoolean(13),
                            Arrays.asList((String[]) rs.getArray(14).getArray()), list(rs.getArray(15)),
                            list(rs.getArray(16))));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read companies", e);
        }
    }

    /** A text[] column as a list; null stays null (not known). */
    private static List<String> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static CompanyState.Receipt receipt(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(json, CompanyState.Receipt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable receipt in the company read model", e);
        }
    }
}
