package fr.wastetrace.company.ecoorganisme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.company.companies.Siret;
import fr.wastetrace.company.config.CompanyConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reference list of eco-organismes, set at start-up in one transaction:
 * <ul>
 *   <li>from the operator's file ({@code wastetrace.company.eco-organismes-file}, {@code ECO_ORGANISMES_FILE}; format in
 *   docs/operations.md): the table becomes exactly that list, rows the list no longer has are removed;</li>
 *   <li>without a file, on the local stack ({@code wastetrace.company.demo-data=true}): the six sandbox eco-organismes
 *   bundled in the jar are added (nothing is removed: tests add their own);</li>
 *   <li>without a file anywhere else: none is served (every row is removed), and the log says so.</li>
 * </ul>
 * A file that cannot be read or holds an invalid entry stops the start-up, naming the file and the entry.
 */
@ApplicationScoped
public class EcoOrganismeLoader {
    private static final Logger LOG = Logger.getLogger(EcoOrganismeLoader.class);
    static final String SANDBOX_LIST = "/data/eco-organismes.json";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EcoOrganismeRepository repository;
    @Inject
    ObjectMapper mapper;
    @Inject
    CompanyConfig config;

    void load(@Observes StartupEvent event) throws IOException, SQLException {
        apply(config.ecoOrganismesFile().filter(f -> !f.isBlank()).map(Path::of), config.demoData());
    }

    /** Sets the list from the operator's file, else from the sandbox list (demo data), else to none. */
    void apply(Optional<Path> path, boolean demoData) throws IOException, SQLException {
        if (path.isPresent()) {
            synchronize(path.get());
        } else if (demoData) {
            List<EcoOrganisme> sandbox;
            try (InputStream in = getClass().getResourceAsStream(SANDBOX_LIST)) {
                sandbox = parse(mapper.readTree(in), "the bundled sandbox list");
            }
            write(sandbox, false);
            LOG.infof("eco-organismes: the %d sandbox eco-organismes (local stack, demo data)", sandbox.size());
        } else {
            int removed = write(List.of(), true);
            LOG.warnf("eco-organismes: no list given (ECO_ORGANISMES_FILE, wastetrace.company.eco-organismes-file): "
                    + "none is served (ecoOrganismes answers an empty list)%s",
                    removed > 0 ? "; " + removed + " previously loaded removed" : "");
        }
    }

    /** Makes the table exactly the file's list; returns the number of rows removed. */
    public int synchronize(Path path) throws IOException, SQLException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(path)) {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("eco-organismes file " + path + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("eco-organismes file " + path + " cannot be read (" + e + "): fix "
                    + "ECO_ORGANISMES_FILE (wastetrace.company.eco-organismes-file)", e);
        }
        List<EcoOrganisme> list = parse(root, "eco-organismes file " + path);
        int removed = write(list, true);
        LOG.infof("eco-organismes: %d loaded from %s, %d removed", list.size(), path, removed);
        return removed;
    }

    /** The entries of a list, each checked; an invalid one is refused with its position. */
    List<EcoOrganisme> parse(JsonNode root, String source) {
        JsonNode entries = root == null ? null : root.get("ecoOrganismes");
        if (entries == null || !entries.isArray()) {
            throw new IllegalStateException(source + ": expected an object with an array \"ecoOrganismes\"");
        }
        List<EcoOrganisme> list = new ArrayList<>();
        Set<String> sirets = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            EcoOrganisme eco;
            try {
                eco = mapper.treeToValue(entries.get(i), EcoOrganisme.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(source + ": entry " + i + " is invalid: " + e.getOriginalMessage(), e);
            }
            if (eco.siret == null || !Siret.isValid(eco.siret)) {
                throw new IllegalStateException(source + ": entry " + i + " has no valid siret (14 digits, Luhn key)");
            }
            if (eco.name == null || eco.name.isBlank() || eco.address == null || eco.address.isBlank()) {
                throw new IllegalStateException(source + ": entry " + i + " (" + eco.siret + ") needs a name and an address");
            }
            if (!sirets.add(eco.siret)) {
                throw new IllegalStateException(source + ": siret " + eco.siret + " appears twice");
            }
            list.add(eco);
        }
        return list;
    }

    /** Upserts the list and, when asked, removes every other row; one transaction, one loader at a time. */
    private int write(List<EcoOrganisme> list, boolean removeOthers) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext('eco-organismes'))")) {
                    lock.execute();
                }
                for (EcoOrganisme eco : list) {
                    repository.upsert(connection, eco);
                }
                int removed = 0;
                if (removeOthers) {
                    Array kept = connection.createArrayOf("text", list.stream().map(e -> e.siret).toArray());
                    try (PreparedStatement delete = connection.prepareStatement(
                            "delete from eco_organisme where siret <> all (?)")) {
                        delete.setArray(1, kept);
                        removed = delete.executeUpdate();
                    }
                }
                connection.commit();
                return removed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
