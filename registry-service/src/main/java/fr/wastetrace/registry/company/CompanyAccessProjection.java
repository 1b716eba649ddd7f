package fr.wastetrace.registry.company;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.registry.register.UnmappableStateException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps the read model of company events that registry permissions need: each company's identifiers and its members'
 * roles. Version-guarded like the registers: a repeated or older event changes nothing.
 */
@ApplicationScoped
public class CompanyAccessProjection {
    @Inject
    AgroalDataSource dataSource;

    /** @return true when the event changed the read model */
    public boolean apply(EventEnvelope event) throws SQLException {
        if (!CompanyState.AGGREGATE_TYPE.equals(event.aggregateType())
                || !(CompanyState.UPSERTED.equals(event.type()) || CompanyState.DELETED.equals(event.type()))) {
            return false;
        }
        boolean deleted = CompanyState.DELETED.equals(event.type());
        CompanyState state = deleted ? null : decode(event);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean applied = apply(connection, event, state);
                connection.commit();
                return applied;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean apply(Connection connection, EventEnvelope event, CompanyState state) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("insert into company_access (company_id, org_id, siret, vat_number, "
                + "version, deleted) values (?, ?, ?, ?, ?, ?) on conflict (company_id) do update set org_id = excluded.org_id, "
                + "siret = excluded.siret, vat_number = excluded.vat_number, version = excluded.version, deleted = excluded.deleted "
                + "where company_access.version < excluded.version")) {
            upsert.setString(1, event.aggregateId());
            upsert.setString(2, state == null ? null : state.orgId());
            upsert.setString(3, state == null ? null : state.siret());
            upsert.setString(4, state == null ? null : state.vatNumber());
            upsert.setLong(5, event.version());
            upsert.setBoolean(6, state == null);
            if (upsert.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement clear = connection.prepareStatement("delete from company_member where company_id = ?")) {
            clear.setString(1, event.aggregateId());
            clear.executeUpdate();
        }
        if (state != null && state.members() != null) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into company_member (company_id, subject, role) values (?, ?, ?) on conflict do nothing")) {
                for (CompanyState.Member member : state.members()) {
                    if (member.subject() == null || member.role() == null) {
                        continue;
                    }
                    insert.setString(1, event.aggregateId());
                    insert.setString(2, member.subject());
                    insert.setString(3, member.role().name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        return true;
    }

    private static CompanyState decode(EventEnvelope event) {
        try {
            CompanyState state = EventCodec.mapper().treeToValue(event.payload(), CompanyState.class);
            if (state == null || state.orgId() == null) {
                throw new UnmappableStateException("the company state has no orgId");
            }
            return state;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnmappableStateException("not a company state: " + e.getMessage());
        }
    }
}
