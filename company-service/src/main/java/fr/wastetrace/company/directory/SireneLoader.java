package fr.wastetrace.company.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Bulk-loads the public SIRENE stock files (INSEE, data.gouv.fr) into the directory table, streaming, in batches,
 * with progress logs. Run against company-service's database (its migrations create the table):
 *
 * <pre>
 * DB_URL=jdbc:postgresql://127.0.0.1:15432/company DB_USER=postgres DB_PASSWORD=postgres \
 *   java -cp 'company-service/target/quarkus-app/lib/main/*:company-service/target/quarkus-app/app/*' \
 *   fr.wastetrace.company.directory.SireneLoader StockEtablissement_utf8.csv [--unites-legales StockUniteLegale_utf8.csv]
 * </pre>
 *
 * Loading is idempotent (upsert by SIRET). The optional legal-units file gives establishments their legal name
 * (an establishment's own file only carries its trade names).
 */
public final class SireneLoader {
    static final int BATCH = 2_000;
    static final long PROGRESS_EVERY = 100_000;

    private final Connection connection;
    private final Consumer<String> log;

    public SireneLoader(Connection connection, Consumer<String> log) {
        this.connection = connection;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 && !(args.length == 3 && "--unites-legales".equals(args[1]))) {
            System.err.println("usage: SireneLoader <StockEtablissement.csv> [--unites-legales <StockUniteLegale.csv>]");
            System.exit(2);
        }
        String url = Objects.requireNonNullElse(System.getenv("DB_URL"), "jdbc:postgresql://127.0.0.1:15432/company");
        String user = Objects.requireNonNullElse(System.getenv("DB_USER"), "postgres");
        String password = Objects.requireNonNullElse(System.getenv("DB_PASSWORD"), "postgres");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            SireneLoader loader = new SireneLoader(connection,
                    line -> System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line));
            loader.loadEstablishments(Path.of(args[0]));
            if (args.length == 3) {
                loader.loadLegalUnits(Path.of(args[2]));
            }
        }
    }

    /** Upserts every establishment of a StockEtablissement file; returns the number of rows read. */
    public long loadEstablishments(Path file) throws IOException, SQLException {
        String sql = "insert into sirene_establishment (siret, siren, name, address, address_voie, address_postal_code, "
                + "address_city, code_commune, code_pays_etranger, naf, etat_administratif, statut_diffusion) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (siret) do update set siren = excluded.siren, "
                + "name = coalesce(excluded.name, sirene_establishment.name), address = excluded.address, "
                + "address_voie = excluded.address_voie, address_postal_code = excluded.address_postal_code, "
                + "address_city = excluded.address_city, code_commune = excluded.code_commune, "
                + "code_pays_etranger = excluded.code_pays_etranger, naf = excluded.naf, "
                + "etat_administratif = excluded.etat_administratif, statut_diffusion = excluded.statut_diffusion";
        return stream(file, "establishments", sql, (row, statement) -> {
            String siret = row.get("siret");
            if (siret == null) {
                return false;
            }
            String voie = join(" ", row.get("numeroVoieEtablissement"), row.get("indiceRepetitionEtablissement"),
                    row.get("typeVoieEtablissement"), row.get("libelleVoieEtablissement"));
            String postalCode = row.get("codePostalEtablissement");
            String city = first(row.get("libelleCommuneEtablissement"), row.get("libelleCommuneEtrangerEtablissement"));
            statement.setString(1, siret);
            statement.setString(2, first(row.get("siren"), siret.substring(0, 9)));
            statement.setString(3, first(row.get("denominationUsuelleEtablissement"), row.get("enseigne1Etablissement")));
            statement.setString(4, join(" ", row.get("complementAdresseEtablissement"), voie, postalCode, city));
            statement.setString(5, voie);
            statement.setString(6, postalCode);
            statement.setString(7, city);
            statement.setString(8, row.get("codeCommuneEtablissement"));
            statement.setString(9, row.get("codePaysEtrangerEtablissement"));
            statement.setString(10, row.get("activitePrincipaleEtablissement"));
            statement.setString(11, first(row.get("etatAdministratifEtablissement"), "A"));
            statement.setString(12, first(row.get("statutDiffusionEtablissement"), "O"));
            return true;
        }, "siret");
    }

    /** Gives establishments the legal name of their unit (StockUniteLegale file); returns the number of rows read. */
    public long loadLegalUnits(Path file) throws IOException, SQLException {
        String sql = "update sirene_establishment set name = ? where siren = ?";
        return stream(file, "legal units", sql, (row, statement) -> {
            String name = first(row.get("denominationUniteLegale"),
                    join(" ", first(row.get("prenomUsuelUniteLegale"), row.get("prenom1UniteLegale")),
                            first(row.get("nomUsageUniteLegale"), row.get("nomUniteLegale"))));
            if (row.get("siren") == null || name == null) {
                return false;
            }
            statement.setString(1, name);
            statement.setString(2, row.get("siren"));
            return true;
        }, "siren");
    }

    private interface Binder {
        boolean bind(CsvRecords.Row row, PreparedStatement statement) throws SQLException;
    }

    private long stream(Path file, String what, String sql, Binder binder, String... requiredColumns)
            throws IOException, SQLException {
        Instant start = Instant.now();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long read = 0;
        long written = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            CsvRecords records = new CsvRecords(reader);
            records.require(requiredColumns);
            log.accept("SIRENE " + what + ": loading " + file);
            int pending = 0;
            for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
                read++;
                if (binder.bind(row, statement)) {
                    statement.addBatch();
                    pending++;
                    written++;
                }
                if (pending == BATCH) {
                    statement.executeBatch();
                    connection.commit();
                    pending = 0;
                }
                if (read % PROGRESS_EVERY == 0) {
                    log.accept(progress(what, read, start));
                }
            }
            statement.executeBatch();
            connection.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        log.accept(progress(what, read, start) + ", " + written + " written: done");
        return read;
    }

    private static String progress(String what, long read, Instant start) {
        long millis = Math.max(1, Duration.between(start, Instant.now()).toMillis());
        return String.format("SIRENE %s: %,d rows read in %,d s (%,d rows/s)", what, read, millis / 1000,
                read * 1000 / millis);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String join(String separator, String... parts) {
        StringJoiner joiner = new StringJoiner(separator);
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joiner.add(part.trim());
            }
        }
        return joiner.length() == 0 ? null : joiner.toString();
    }
}
