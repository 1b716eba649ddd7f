package fr.wastetrace.company.ecoorganisme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Loads the reference list of eco-organismes at start-up, in one transaction: the bundled sandbox list, or the file
 * named by {@code wastetrace.company.eco-organismes-file} (the official list in production).
 */
@ApplicationScoped
public class EcoOrganismeLoader {
    private static final Logger LOG = Logger.getLogger(EcoOrganismeLoader.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EcoOrganismeRepository repository;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "wastetrace.company.eco-organismes-file")
    Optional<String> file;

    void load(@Observes StartupEvent event) throws IOException, SQLException {
        JsonNode list;
        try (InputStream in = open()) {
            list = mapper.readTree(in).path("ecoOrganismes");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (JsonNode node : list) {
                repository.upsert(connection, mapper.treeToValue(node, EcoOrganisme.class));
            }
            connection.commit();
        }
        LOG.infof("eco-organismes: %d loaded from %s", list.size(), file.orElse("the bundled sandbox list"));
    }

    private InputStream open() throws IOException {
        if (file.isPresent() && !file.get().isBlank()) {
            return Files.newInputStream(Path.of(file.get()));
        }
        return getClass().getResourceAsStream("/data/eco-organismes.json");
    }
}
