package fr.wastetrace.company.companies;

import fr.wastetrace.company.Api;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.wastetrace.company.Api.CREATE_COMPANY;
import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.errorCode;
import static fr.wastetrace.company.Api.ok;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(BackingServices.class)
class CompanyQuarkusTest {

    private static Map<String, Object> input(String siret, String... types) {
        Map<String, Object> input = new HashMap<>();
        input.put("siret", siret);
        input.put("companyName", "Entreprise " + siret);
        input.put("address", "2 rue du Test 69002 Lyon");
        input.put("companyTypes", List.of(types));
        return input;
    }

    @Test
    void createCompanyAcceptsAnyUnregisteredLuhnValidSiretAndMakesTheCallerAdmin() {
        Api.User user = Api.newUser();
        String siret = Api.newSiret();
        JsonPath data = ok(user, CREATE_COMPANY, Map.of("input", input(siret, "PRODUCER", "TRANSPORTER")));
        assertEquals(siret, data.getString("createCompany.orgId"));
        assertEquals("ADMIN", data.getString("createCompany.userRole"));
        int code = data.getInt("createCompany.securityCode");
        assertTrue(code >= 1000 && code <= 9999, "security code " + code);
        assertEquals(List.of("PRODUCER", "TRANSPORTER"), data.getList("createCompany.companyTypes"));

        JsonPath mine = ok(user, "{ myCompanies { totalCount edges { node { siret verificationStatus users { email role isMe } } } } }", Map.of());
        assertEquals(1, mine.getInt("myCompanies.totalCount"));
        assertEquals("VERIFIED", mine.getString("myCompanies.edges[0].node.verificationStatus"));
        assertEquals(List.of(user.email()), mine.getList("myCompanies.edges[0].node.users.email"));
        assertEquals(List.of(true), mine.getList("myCompanies.edges[0].node.users.isMe"));
    }

    @Test
    void createCompanyRefusesBadInputAndCreatesNothing() {
        Api.User user = Api.newUser();
        String siret = Api.newSiret();
        String wrongKey = siret.substring(0, 13) + ((siret.charAt(13) - '0' + 1) % 10);
        call(user, CREATE_COMPANY, Map.of("input", input(wrongKey, "PRODUCER")))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("SIRET"));
        Map<String, Object> badVat = input(null, "TRANSPORTER");
        badVat.put("vatNumber", "BE12");
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE_COMPANY, Map.of("input", badVat)));
        Map<String, Object> frenchVat = input(null, "TRANSPORTER");
        frenchVat.put("vatNumber", "FR32123456789");
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE_COMPANY, Map.of("input", frenchVat)));
        Map<String, Object> foreignProducer = input(null, "PRODUCER");
        foreignProducer.put("vatNumber", "BE0" + siret.substring(0, 9));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE_COMPANY, Map.of("input", foreignProducer)));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE_COMPANY, Map.of("input", input(siret))));
        Map<String, Object> subTypeWithoutProfile = input(siret, "PRODUCER");
        subTypeWithoutProfile.put("collectorTypes", List.of("DANGEROUS_WASTES"));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE_COMPANY, Map.of("input", subTypeWithoutProfile)));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE_COMPANY, Map.of("input", input(siret, "ECO_ORGANISME"))));

        assertEquals(0, ok(user, "{ myCompanies { totalCount } }", Map.of()).getInt("myCompanies.totalCount"));
        call(TestIdentity.anonymous(), "query($s: String!) { companyInfos(siret: $s) { isRegistered } }", Map.of("s", siret))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void aForeignTransporterRegistersWithItsVatNumber() {
        Api.User user = Api.newUser();
        String vat = "BE0" + Api.newSiret().substring(0, 9);
        Map<String, Object> foreign = input(null, "TRANSPORTER");
        foreign.put("vatNumber", vat.toLowerCase());
        JsonPath data = ok(user, CREATE_COMPANY, Map.of("input", foreign));
        assertEquals(vat, data.getString("createCompany.orgId"));
        JsonPath infos = ok(user, "query($s: String!) { companyInfos(siret: $s) { orgId vatNumber isRegistered codePaysEtrangerEtablissement } }",
                Map.of("s", vat));
        assertTrue(infos.getBoolean("companyInfos.isRegistered"));
        assertEquals("BE", infos.getString("companyInfos.codePaysEtrangerEtablissement"));
    }

    @Test
    void aCompanyIsRegisteredOnlyOnce() {
        Api.User first = Api.newUser();
        String siret = Api.createCompany(first)[1];
        call(Api.newUser(), CREATE_COMPANY, Map.of("input", input(siret, "PRODUCER")))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("déjà inscrit"));
    }

    @Test
    void anonymousCallersMayReadPublicInfosButNotCreate() {
        String siret = Api.createCompany(Api.newUser())[1];
        call(TestIdentity.anonymous(), "query($s: String!) { companyInfos(siret: $s) { orgId name isRegistered companyTypes isDormant ecoOrganismePartnersIds } }",
                Map.of("s", siret))
                .body("errors", is((Object) null))
                .body("data.companyInfos.isRegistered", is(true))
                .body("data.companyInfos.name", is("Société " + siret))
                .body("data.companyInfos.companyTypes", is(List.of("PRODUCER")));
        call(TestIdentity.anonymous(), CREATE_COMPANY, Map.of("input", input(Api.newSiret(), "PRODUCER")))
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        call(TestIdentity.anonymous(), "{ me { id } }", Map.of())
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
    }

    @Test
    void companyInfosNeedsAnIdentifier() {
        call(TestIdentity.anonymous(), "{ companyInfos { orgId } }", Map.of())
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        call(TestIdentity.anonymous(), "{ companyInfos(siret: \"not a siret\") { orgId } }", Map.of())
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void updateCompanyChangesTheProfileAndKeepsWhatIsNotGiven() {
        Api.User admin = Api.newUser();
        String id = Api.createCompany(admin)[0];
        JsonPath data = ok(admin, """
                mutation($id: String!) {
                  updateCompany(id: $id, givenName: "Nom d'usage", contactEmail: "contact@example.fr",
                                companyTypes: [PRODUCER, COLLECTOR], collectorTypes: [DANGEROUS_WASTES],
                                ecoOrganismeAgreements: ["https://agrement.example.fr/1"], allowBsdasriTakeOverWithoutSignature: true) {
                    name givenName contactEmail companyTypes collectorTypes ecoOrganismeAgreements allowBsdasriTakeOverWithoutSignature
                  }
                }""", Map.of("id", id));
        assertEquals("Nom d'usage", data.getString("updateCompany.givenName"));
        assertTrue(data.getString("updateCompany.name").startsWith("Société "));
        assertEquals(List.of("DANGEROUS_WASTES"), data.getList("updateCompany.collectorTypes"));
        assertEquals(List.of("https://agrement.example.fr/1"), data.getList("updateCompany.ecoOrganismeAgreements"));
        assertTrue(data.getBoolean("updateCompany.allowBsdasriTakeOverWithoutSignature"));
        assertEquals("BAD_USER_INPUT", errorCode(admin, "mutation($id: String!) { updateCompany(id: $id, companyTypes: []) { id } }", Map.of("id", id)));
        assertEquals("BAD_USER_INPUT", errorCode(admin, "mutation($id: String!) { updateCompany(id: $id, website: \"ftp:/x\") { id } }", Map.of("id", id)));
        assertEquals("BAD_USER_INPUT", errorCode(admin, "mutation($id: String!) { updateCompany(id: $id, transporterReceiptId: \"nope\") { id } }", Map.of("id", id)));
        assertEquals("BAD_USER_INPUT", errorCode(admin, "mutation { updateCompany(id: \"unknown\", contact: \"x\") { id } }", Map.of()));
        assertEquals("FORBIDDEN", errorCode(Api.newUser(), "mutation($id: String!) { updateCompany(id: $id, contact: \"x\") { id } }", Map.of("id", id)));
    }

    @Test
    void renewSecurityCodeGivesANewCode() {
        Api.User admin = Api.newUser();
        String siret = Api.createCompany(admin)[1];
        int before = ok(admin, "{ myCompanies { edges { node { securityCode } } } }", Map.of()).getInt("myCompanies.edges[0].node.securityCode");
        int after = ok(admin, "mutation($s: String!) { renewSecurityCode(siret: $s) { securityCode } }", Map.of("s", siret))
                .getInt("renewSecurityCode.securityCode");
        assertNotEquals(before, after);
        assertEquals("BAD_USER_INPUT", errorCode(admin, "mutation { renewSecurityCode(siret: \"00000000000000\") { id } }", Map.of()));
    }

    @Test
    void enableRegistryDndFromBsdIsRecordedOnce() {
        Api.User admin = Api.newUser();
        String id = Api.createCompany(admin)[0];
        String since = ok(admin, "mutation($id: String!) { enableRegistryDndFromBsd(id: $id) { hasEnabledRegistryDndFromBsdSince } }",
                Map.of("id", id)).getString("enableRegistryDndFromBsd.hasEnabledRegistryDndFromBsdSince");
        assertFalse(since == null || since.isBlank());
        assertEquals(since, ok(admin, "mutation($id: String!) { enableRegistryDndFromBsd(id: $id) { hasEnabledRegistryDndFromBsdSince } }",
                Map.of("id", id)).getString("enableRegistryDndFromBsd.hasEnabledRegistryDndFromBsdSince"));
    }

    @Test
    void myCompaniesPagesInNameOrder() {
        Api.User admin = Api.newUser();
        for (int i = 0; i < 3; i++) {
            Api.createCompany(admin);
        }
        JsonPath firstPage = ok(admin, "{ myCompanies(first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { name } } } }", Map.of());
        assertEquals(3, firstPage.getInt("myCompanies.totalCount"));
        assertEquals(2, firstPage.getList("myCompanies.edges").size());
        assertTrue(firstPage.getBoolean("myCompanies.pageInfo.hasNextPage"));
        String cursor = firstPage.getString("myCompanies.pageInfo.endCursor");
        JsonPath secondPage = ok(admin, "query($c: ID) { myCompanies(first: 2, after: $c) { pageInfo { hasNextPage hasPreviousPage } edges { node { name } } } }",
                Map.of("c", cursor));
        assertEquals(1, secondPage.getList("myCompanies.edges").size());
        assertFalse(secondPage.getBoolean("myCompanies.pageInfo.hasNextPage"));
        assertTrue(secondPage.getBoolean("myCompanies.pageInfo.hasPreviousPage"));
        List<String> names = new java.util.ArrayList<>(firstPage.getList("myCompanies.edges.node.name"));
        names.addAll(secondPage.getList("myCompanies.edges.node.name"));
        assertEquals(names.stream().sorted().toList(), names);
        String some = names.get(1).substring("Société ".length());
        assertEquals(1, ok(admin, "query($s: String) { myCompanies(search: $s) { totalCount } }", Map.of("s", some))
                .getInt("myCompanies.totalCount"));
    }

    @Test
    void meDescribesTheCallerAndTheirCompanies() {
        Api.User user = Api.newUser();
        String siret = Api.createCompany(user)[1];
        JsonPath me = ok(user, "{ me { id email name isAdmin featureFlags totpEnabled companies { siret userRole } } }", Map.of());
        assertEquals(user.email(), me.getString("me.email"));
        assertEquals(user.name(), me.getString("me.name"));
        assertEquals(List.of(siret), me.getList("me.companies.siret"));
        JsonPath edited = ok(user, "mutation { editProfile(name: \"Nouveau Nom\", phone: \"0600000000\") { name phone } }", Map.of());
        assertEquals("Nouveau Nom", edited.getString("editProfile.name"));
        assertEquals("0600000000", edited.getString("editProfile.phone"));
    }

    @Test
    void searchCompaniesFindsRegisteredCompaniesByIdentifierOrName() {
        Api.User user = Api.newUser();
        String[] company = Api.createCompany(user);
        JsonPath byId = ok(user, "query($c: String!) { searchCompanies(clue: $c) { orgId trackdechetsId isRegistered name } }",
                Map.of("c", company[1]));
        assertEquals(List.of(company[0]), byId.getList("searchCompanies.trackdechetsId"));
        JsonPath byName = ok(user, "query($c: String!) { searchCompanies(clue: $c) { orgId } }", Map.of("c", "société " + company[1]));
        assertEquals(List.of(company[1]), byName.getList("searchCompanies.orgId"));
        assertEquals("BAD_USER_INPUT", errorCode(user, "{ searchCompanies(clue: \"ab\") { orgId } }", Map.of()));
        call(TestIdentity.anonymous(), "{ searchCompanies(clue: \"abcdef\") { orgId } }", Map.of())
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
    }
}
