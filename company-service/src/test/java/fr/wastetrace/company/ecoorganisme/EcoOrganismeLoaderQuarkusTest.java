package fr.wastetrace.company.ecoorganisme;

import fr.wastetrace.testing.BackingServices;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's list of eco-organismes is the list served: added, changed and removed rows follow it. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class EcoOrganismeLoaderQuarkusTest {
    private static final Path SANDBOX = Path.of("src/main/resources/data/eco-organismes.json");

    @Inject
    EcoOrganismeLoader loader;
    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void restoreTheTestList() throws Exception {
        loader.synchronize(SANDBOX);
        assertEquals(6, rows().size());
    }

    @Test
    void theTableFollowsTheOperatorsFile() throws Exception {
        Path file = Files.createTempFile("eco-organismes", ".json");
        Files.writeString(file, """
                {"ecoOrganismes": [
                  {"siret": "90000000100009", "name": "Premier", "address": "1 rue A 75001 Paris", "handleBsdd": true},
                  {"siret": "90000000200007", "name": "Second", "address": "2 rue B 69001 Lyon", "handleBsvhu": true}
                ]}""");
        assertEquals(4, loader.synchronize(file), "the four sandbox rows absent from the file are removed");
        assertEquals(List.of("90000000100009 Premier true false", "90000000200007 Second false true"), rows());

        Files.writeString(file, """
                {"ecoOrganismes": [
                  {"siret": "90000000200007", "name": "Second, renommé", "address": "2 rue B 69001 Lyon", "handleBsvhu": true}
                ]}""");
        assertEquals(1, loader.synchronize(file));
        assertEquals(List.of("90000000200007 Second, renommé false true"), rows());
        Files.delete(file);
    }

    @Test
    void withoutAFileNoneIsServedOutsideTheLocalStack() throws Exception {
        loader.apply(Optional.empty(), false);
        assertEquals(List.of(), rows());
        loader.apply(Optional.empty(), true);
        assertEquals(6, rows().size(), "the sandbox list, on the local stack only");
    }

    @Test
    void anInvalidFileIsRefusedAndChangesNothing() throws Exception {
        Path file = Files.createTempFile("eco-organismes", ".json");
        Files.writeString(file, """
                {"ecoOrganismes": [
                  {"siret": "90000000100009", "name": "Premier", "address": "1 rue A 75001 Paris"},
                  {"siret": "12345678901234", "name": "Clé fausse", "address": "2 rue B 69001 Lyon"}
                ]}""");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> loader.synchronize(file));
        assertTrue(error.getMessage().contains("entry 1"), error::getMessage);
        Files.writeString(file, "{\"ecoOrganismes\": ");
        assertThrows(IllegalStateException.class, () -> loader.synchronize(file));
        Files.delete(file);
        error = assertThrows(IllegalStateException.class, () -> loader.synchronize(file));
        assertTrue(error.getMessage().contains("ECO_ORGANISMES_FILE"), error::getMessage);
        assertEquals(6, rows().size());
    }

    private List<String> rows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "select siret, name, handle_bsdd, handle_bsvhu from eco_organisme order by siret")) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getBoolean(3) + " " + rows.getBoolean(4));
            }
            return found;
        }
    }
}
