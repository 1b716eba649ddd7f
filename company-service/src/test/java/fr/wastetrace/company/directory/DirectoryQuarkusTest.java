package fr.wastetrace.company.directory;

import fr.wastetrace.company.Api;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.ok;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SIRENE loader fills the directory that answers for companies not registered here. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class DirectoryQuarkusTest {
    private static final String INFOS = "query($s: String!) { companyInfos(siret: $s) { orgId siret name address codeCommune naf "
            + "etatAdministratif statutDiffusionEtablissement isRegistered companyTypes } }";

    @Inject
    AgroalDataSource dataSource;

    private final List<String> log = new ArrayList<>();

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(DirectoryQuarkusTest.class.getResource("/sirene/" + name).toURI());
    }

    @BeforeEach
    void load() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SireneLoader loader = new SireneLoader(connection, log::add);
            assertEquals(5, loader.loadEstablishments(fixture("StockEtablissement-fixture.csv")));
            assertEquals(2, loader.loadLegalUnits(fixture("StockUniteLegale-fixture.csv")));
        }
    }

    @Test
    void theLoaderReportsItsProgressAndIsIdempotent() throws Exception {
        assertTrue(log.stream().anyMatch(line -> line.contains("5 rows read") && line.endsWith("done")), log::toString);
        try (Connection connection = dataSource.getConnection()) {
            new SireneLoader(connection, line -> { }).loadEstablishments(fixture("StockEtablissement-fixture.csv"));
            try (var rows = connection.createStatement().executeQuery("select count(*) from sirene_establishment where siret like '92%'")) {
                rows.next();
                assertEquals(5, rows.getInt(1));
            }
        }
    }

    @Test
    void anUnregisteredEstablishmentIsAnsweredFromTheDirectory() {
        JsonPath data = Api.ok(Api.newUser(), INFOS, Map.of("s", "92000000100015"));
        assertEquals("RECYCLAGE DU RHONE, AGENCE EST", data.getString("companyInfos.name"));
        assertEquals("12 RUE DES LILAS 69003 LYON 3EME", data.getString("companyInfos.address"));
        assertEquals("69383", data.getString("companyInfos.codeCommune"));
        assertEquals("38.32Z", data.getString("companyInfos.naf"));
        assertEquals("A", data.getString("companyInfos.etatAdministratif"));
        assertEquals(false, data.getBoolean("companyInfos.isRegistered"));
        assertEquals(List.of(), data.getList("companyInfos.companyTypes"));
        assertEquals("TRANSPORTS JAURES ET FILS SAS", Api.ok(Api.newUser(), INFOS, Map.of("s", "92000000200013")).getString("companyInfos.name"));
    }

    @Test
    void aClosedEstablishmentIsReportedAsSuch() {
        call(TestIdentity.anonymous(), INFOS, Map.of("s", "92000000300011"))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", is("Cet établissement est fermé selon le répertoire SIRENE."));
        Api.User user = Api.newUser();
        call(user, Api.CREATE_COMPANY, Map.of("input", Map.of("siret", "92000000300011", "companyName", "X", "address", "Y",
                "companyTypes", List.of("PRODUCER")))).body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void aPartiallyHiddenEstablishmentShowsOnlyItsIdentifiers() {
        call(TestIdentity.anonymous(), INFOS, Map.of("s", "92000000400019"))
                .body("data.companyInfos.siret", is("92000000400019"))
                .body("data.companyInfos.statutDiffusionEtablissement", is("P"))
                .body("data.companyInfos.name", nullValue())
                .body("data.companyInfos.address", nullValue());
    }

    @Test
    void registeringAnEstablishmentOfTheDirectoryMergesBoth() {
        Api.User user = Api.newUser();
        Api.ok(user, Api.CREATE_COMPANY, Map.of("input", Map.of("siret", "92000000500016", "companyName", "Recyclage de Villeurbanne",
                "address", "8 rue de la Gare 69100 Villeurbanne", "companyTypes", List.of("WASTEPROCESSOR"))));
        JsonPath data = Api.ok(user, INFOS, Map.of("s", "92000000500016"));
        assertEquals(true, data.getBoolean("companyInfos.isRegistered"));
        assertEquals("Recyclage de Villeurbanne", data.getString("companyInfos.name"));
        assertEquals("69266", data.getString("companyInfos.codeCommune"));
    }

    @Test
    void searchCompaniesSearchesTheDirectoryByNameAndDepartment() {
        Api.User user = Api.newUser();
        JsonPath all = ok(user, "{ searchCompanies(clue: \"recyclage\") { siret addressCity addressPostalCode addressVoie } }", Map.of());
        assertTrue(all.getList("searchCompanies.siret").containsAll(List.of("92000000100015", "92000000500016")),
                () -> all.getList("searchCompanies.siret").toString());
        JsonPath lyon = ok(user, "{ searchCompanies(clue: \"recyclage du\", department: \"69\") { siret addressCity addressVoie } }", Map.of());
        assertEquals(List.of("92000000100015"), lyon.getList("searchCompanies.siret"));
        assertEquals("LYON 3EME", lyon.getString("searchCompanies[0].addressCity"));
        assertEquals("12 RUE DES LILAS", lyon.getString("searchCompanies[0].addressVoie"));
        assertEquals(List.of(), ok(user, "{ searchCompanies(clue: \"ancienne dechetterie\", allowClosedCompanies: false) { siret } }", Map.of())
                .getList("searchCompanies"));
        assertEquals(List.of("92000000300011"), ok(user, "{ searchCompanies(clue: \"ancienne dechetterie\") { siret } }", Map.of())
                .getList("searchCompanies.siret"));
        assertEquals(List.of("92000000100015", "92000000200013"), ok(user, "{ searchCompanies(clue: \"92000000100015, 92000000200013\") { siret } }", Map.of())
                .getList("searchCompanies.siret"));
    }
}
