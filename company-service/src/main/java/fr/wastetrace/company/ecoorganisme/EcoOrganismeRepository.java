package fr.wastetrace.company.ecoorganisme;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class EcoOrganismeRepository {
    @Inject
    AgroalDataSource dataSource;

    /** Eco-organismes matching every given flag (a null flag does not filter), ordered by name. */
    public List<EcoOrganisme> find(Boolean handleBsdd, Boolean handleBsda, Boolean handleBsdasri, Boolean handleBsvhu) {
        String sql = "select id, siret, name, address, handle_bsdd, handle_bsda, handle_bsdasri, handle_bsvhu "
                + "from eco_organisme where (?::boolean is null or handle_bsdd = ?) and (?::boolean is null or handle_bsda = ?) "
                + "and (?::boolean is null or handle_bsdasri = ?) and (?::boolean is null or handle_bsvhu = ?) order by name";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            Boolean[] flags = {handleBsdd, handleBsda, handleBsdasri, handleBsvhu};
            for (int i = 0; i < flags.length; i++) {
                query.setObject(2 * i + 1, flags[i], Types.BOOLEAN);
                query.setObject(2 * i + 2, flags[i], Types.BOOLEAN);
            }
            List<EcoOrganisme> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    EcoOrganisme eco = new EcoOrganisme();
                    eco.id = rows.getString(1);
                    eco.siret = rows.getString(2);
                    eco.name = rows.getString(3);
                    eco.address = rows.getString(4);
                    eco.handleBsdd = rows.getBoolean(5);
                    eco.handleBsda = rows.getBoolean(6);
                    eco.handleBsdasri = rows.getBoolean(7);
                    eco.handleBsvhu = rows.getBoolean(8);
                    found.add(eco);
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read eco-organismes", e);
        }
    }

    /** Inserts or updates one eco-organisme, keyed by SIRET; its id is stable across reloads. */
    public void upsert(Connection connection, EcoOrganisme eco) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into eco_organisme (id, siret, name, address, handle_bsdd, handle_bsda, handle_bsdasri, handle_bsvhu) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (siret) do update set name = excluded.name, "
                        + "address = excluded.address, handle_bsdd = excluded.handle_bsdd, handle_bsda = excluded.handle_bsda, "
                        + "handle_bsdasri = excluded.handle_bsdasri, handle_bsvhu = excluded.handle_bsvhu")) {
            upsert.setString(1, "eco_" + eco.siret);
            upsert.setString(2, eco.siret);
            upsert.setString(3, eco.name);
            upsert.setString(4, eco.address);
            upsert.setBoolean(5, Boolean.TRUE.equals(eco.handleBsdd));
            upsert.setBoolean(6, Boolean.TRUE.equals(eco.handleBsda));
            upsert.setBoolean(7, Boolean.TRUE.equals(eco.handleBsdasri));
            upsert.setBoolean(8, Boolean.TRUE.equals(eco.handleBsvhu));
            upsert.executeUpdate();
        }
    }
}
