package fr.wastetrace.bsd.company;

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

/** The versions of companies the read model holds, for read-your-writes ({@code company:<id>} keys). */
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
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select company_id, version from company_view where company_id = any(?)")) {
            select.setArray(1, c.createArrayOf("text", keyOfId.keySet().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    applied.put(keyOfId.get(rs.getString(1)), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the company read model's versions", e);
        }
        return applied;
    }
}
