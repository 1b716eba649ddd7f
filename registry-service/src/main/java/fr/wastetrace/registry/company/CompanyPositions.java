package fr.wastetrace.registry.company;

import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.subgraph.ReadModelPositions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The versions of companies {@link CompanyAccessProjection} holds, for read-your-writes ({@code company:<id>} keys). */
@ApplicationScoped
public class CompanyPositions implements ReadModelPositions {
    @Inject
    AgroalDataSource dataSource;

    @Override
    public boolean follows(String key) {
        return key.startsWith(WrittenPositions.COMPANY);
    }

    @Override
    public Map<String, Long> applied(Collection<String> keys) {
        Map<String, String> keyOfId = new HashMap<>();
        keys.forEach(key -> keyOfId.put(key.substring(WrittenPositions.COMPANY.length()), key));
        Map<String, Long> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select company_id, version from company_access where company_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", keyOfId.keySet().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    applied.put(keyOfId.get(rows.getString(1)), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the company read model's versions", e);
        }
        return applied;
    }
}
