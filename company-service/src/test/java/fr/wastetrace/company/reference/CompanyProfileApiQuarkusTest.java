package fr.wastetrace.company.reference;

import fr.wastetrace.company.Api;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wastetraceCompanyProfiles}, asked anonymously, serves the profile updateCompany requires for each sub-profile. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class CompanyProfileApiQuarkusTest {
    private static final Map<String, String> ARGUMENT = Map.of("CollectorType", "collectorTypes",
            "WasteProcessorType", "wasteProcessorTypes", "WasteVehiclesType", "wasteVehiclesTypes");

    @Test
    @SuppressWarnings("unchecked")
    void theServedProfileOfEachSubProfileIsTheOneUpdateCompanyRequires() {
        JsonPath served = call(TestIdentity.anonymous(), "{ wastetraceCompanyProfiles { companyType label "
                + "subProfiles { kind value label } } }", Map.of()).extract().jsonPath();
        assertNull(served.get("errors"), served.prettify());
        List<Map<String, Object>> profiles = served.getList("data.wastetraceCompanyProfiles");
        assertEquals(14, profiles.size());
        assertEquals("PRODUCER", profiles.get(0).get("companyType"));
        Api.User admin = Api.newUser();
        String id = Api.createCompany(admin)[0];
        int checked = 0;
        for (Map<String, Object> profile : profiles) {
            assertTrue(!((String) profile.get("label")).isBlank(), profile.toString());
            List<Map<String, String>> subProfiles = (List<Map<String, String>>) profile.get("subProfiles");
            for (Map<String, String> sub : subProfiles.subList(0, Math.min(1, subProfiles.size()))) {
                String update = "mutation($id: String!) { updateCompany(id: $id, companyTypes: [%s], %s: [%s]) { id } }"
                        .formatted("%s", ARGUMENT.get(sub.get("kind")), sub.get("value"));
                JsonPath refused = call(admin.header(), update.formatted("PRODUCER"), Map.of("id", id)).extract().jsonPath();
                assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"), refused.prettify());
                assertTrue(refused.getString("errors[0].message").contains("profil " + profile.get("companyType")),
                        refused.prettify());
                ok(admin, update.formatted(profile.get("companyType")), Map.of("id", id));
                ok(admin, "mutation($id: String!) { updateCompany(id: $id, companyTypes: [PRODUCER], collectorTypes: [], "
                        + "wasteProcessorTypes: [], wasteVehiclesTypes: []) { id } }", Map.of("id", id));
                checked++;
            }
        }
        assertEquals(3, checked, "one sub-profile of each kind");
    }
}
