package fr.wastetrace.company.directory;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the SIRENE directory table that {@link SireneLoader} fills. It is the official directory: nothing a user sends
 * writes to it (notices go to {@link AnonymousCompanies}).
 */
@ApplicationScoped
public class Directory {
    private static final String COLUMNS = "siret, siren, name, address, address_voie, address_postal_code, address_city, "
            + "code_commune, code_pays_etranger, naf, etat_administratif, statut_diffusion";

    @Inject
    AgroalDataSource dataSource;

    public Optional<DirectoryEntry> find(String siret) {
        List<DirectoryEntry> found = query("select " + COLUMNS + " from sirene_establishment where siret = ?",
                List.of(siret));
        return found.stream().findFirst();
    }

    /**
     * Public establishments whose name starts with the clue (case-insensitive), optionally in one department (the first
     * digits of the postal code), at most {@code limit}.
     */
    public List<DirectoryEntry> searchByName(String clue, String department, boolean allowClosed, int limit) {
        // Partially hidden establishments are found by their identifiers only, never by their name.
        String sql = "select " + COLUMNS + " from sirene_establishment where lower(name) like ? and statut_diffusion = 'O' "
                + (department == null ? "" : "and address_postal_code like ? ")
                + (allowClosed ? "" : "and etat_administratif = 'A' ")
                + "order by name, siret limit " + limit;
        List<Object> parameters = new ArrayList<>();
        parameters.add(escapeLike(clue.toLowerCase()) + "%");
        if (department != null) {
            parameters.add(escapeLike(department) + "%");
        }
        return query(sql, parameters);
    }

    private List<DirectoryEntry> query(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<DirectoryEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new DirectoryEntry(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), new DirectoryEntry.Address(rows.getString(5), rows.getString(6),
                            rows.getString(7)), rows.getString(8), rows.getString(9), rows.getString(10),
                            rows.getString(11), rows.getString(12)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the SIRENE directory", e);
        }
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
