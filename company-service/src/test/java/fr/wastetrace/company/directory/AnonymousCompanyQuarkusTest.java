package fr.wastetrace.company.directory;

import fr.wastetrace.company.Api;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.errorCode;
import static fr.wastetrace.company.Api.ok;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(BackingServices.class)
class AnonymousCompanyQuarkusTest {
    private static final String CREATE = "mutation($s: String!, $p: String!) { createAnonymousCompanyFromPDF(input: {siret: $s, pdf: $p}) }";

    private static String base64(byte[] pdf) {
        return Base64.getEncoder().encodeToString(pdf);
    }

    @Test
    void aNoticeMakesAnEstablishmentKnown() throws Exception {
        Api.User user = Api.newUser();
        String siret = Api.newSiret();
        assertTrue(ok(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret)))).getBoolean("createAnonymousCompanyFromPDF"));
        JsonPath infos = ok(user, "query($s: String!) { companyInfos(siret: $s) { name address naf isRegistered statutDiffusionEtablissement } }", Map.of("s", siret));
        assertEquals("DECHETS DISCRETS SARL", infos.getString("companyInfos.name"));
        assertEquals("4 BOULEVARD PASTEUR 44100 NANTES", infos.getString("companyInfos.address"));
        assertEquals("38.12Z", infos.getString("companyInfos.naf"));
        assertEquals(false, infos.getBoolean("companyInfos.isRegistered"));
        assertEquals("O", infos.getString("companyInfos.statutDiffusionEtablissement"));
    }

    @Test
    void badNoticesAreRefused() throws Exception {
        Api.User user = Api.newUser();
        String siret = Api.newSiret();
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", "pas du base64 !")));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(Api.newSiret())))));
        byte[] old = NoticePdf.build(SireneNotice.TITLE, SireneNotice.AUTHOR,
                NoticePdf.lines(siret, LocalDate.now().minusMonths(4), "Établissement actif depuis le 01/02/2003"));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", base64(old))));
        byte[] closed = NoticePdf.build(SireneNotice.TITLE, SireneNotice.AUTHOR,
                NoticePdf.lines(siret, LocalDate.now(), "Établissement fermé depuis le 31/12/2024"));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", base64(closed))));
        String registered = Api.createCompany(user)[1];
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", registered, "p", base64(NoticePdf.valid(registered)))));
        call(TestIdentity.anonymous(), CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret))))
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        call(TestIdentity.anonymous(), "query($s: String!) { companyInfos(siret: $s) { name } }", Map.of("s", siret))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }
}
