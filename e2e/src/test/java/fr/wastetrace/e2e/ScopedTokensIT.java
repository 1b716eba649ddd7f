package fr.wastetrace.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #25 item 8 through the gateway: a personal access token that expires, one that is read-only, one that acts for
 * one of its owner's two companies only, for BSDDs and BSVHUs.
 */
class ScopedTokensIT {
    private static String owner;
    private static String first;
    private static String second;
    private static Map<String, String> formOf = new HashMap<>();
    private static Map<String, String> vhuOf = new HashMap<>();

    @BeforeAll
    static void aUserWithTwoCompaniesAndABsddAndABsvhuInEach() {
        Suite.env();
        owner = WorkflowAccounts.signUp("scoped-" + UUID.randomUUID().toString().substring(0, 8), "Sc-" + UUID.randomUUID());
        first = company();
        second = company();
        for (String siret : List.of(first, second)) {
            WorkflowAccounts.awaitBsdServiceKnows(owner, siret);
            formOf.put(siret, ok(owner, "mutation($s: String!) { createForm(createFormInput: {emitter: {company: {siret: $s}}}) "
                    + "{ id } }", Map.of("s", siret)).getString("createForm.id"));
            vhuOf.put(siret, ok(owner, "mutation($s: String!) { createDraftBsvhu(input: {emitter: {company: {siret: $s}}}) "
                    + "{ id } }", Map.of("s", siret)).getString("createDraftBsvhu.id"));
        }
    }

    private static String company() {
        String siret = Suite.unregisteredSiret();
        ok(owner, "mutation($c: PrivateCompanyInput!) { createCompany(companyInput: $c) { id } }", Map.of("c", Map.of(
                "siret", siret, "companyName", "Portée " + siret, "address", "1 rue des Essais 75001 Paris",
                "companyTypes", List.of("PRODUCER"))));
        return siret;
    }

    private static JsonPath call(String token, String query, Map<String, ?> variables) {
        return Suite.graphql(Suite.gateway(token), query, variables).statusCode(200).extract().jsonPath();
    }

    private static JsonPath ok(String token, String query, Map<String, ?> variables) {
        JsonPath answer = call(token, query, variables);
        assertNull(answer.get("errors"), answer.prettify());
        return answer.setRootPath("data");
    }

    private static String token(Map<String, Object> restrictions) {
        Map<String, Object> input = new HashMap<>(restrictions);
        input.put("description", "e2e " + restrictions.keySet());
        return ok(owner, "mutation($i: CreateAccessTokenInput!) { createAccessToken(input: $i) { token } }",
                Map.of("i", input)).getString("createAccessToken.token");
    }

    private static void refused(JsonPath answer, String code, String fragment) {
        assertEquals(code, answer.getString("errors[0].extensions.code"), answer.prettify());
        assertTrue(answer.getString("errors[0].message").contains(fragment), answer.prettify());
    }

    @Test
    void anExpiredTokenIsRefusedSayingWhen() throws InterruptedException {
        String expiring = token(Map.of("wastetraceExpiresAt", Instant.now().plusSeconds(2).toString()));
        // Resolved (and cached by the gateway) while valid: the expiry must hold despite the cache.
        ok(expiring, "{ me { email } }", Map.of());
        JsonPath answer = call(expiring, "{ me { email } }", Map.of());
        Instant deadline = Instant.now().plusSeconds(5);
        while (answer.get("errors") == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            answer = call(expiring, "{ me { email } }", Map.of());
        }
        refused(answer, "UNAUTHENTICATED", "a expiré le");
    }

    @Test
    void aReadOnlyTokenReadsButSendsNoMutation() {
        String readOnly = token(Map.of("wastetraceScope", Map.of("readOnly", true)));
        assertEquals(formOf.get(first), ok(readOnly, "query($id: ID!) { form(id: $id) { id } }",
                Map.of("id", formOf.get(first))).getString("form.id"));
        refused(call(readOnly, "mutation($s: String!) { createForm(createFormInput: {emitter: {company: {siret: $s}}}) { id } }",
                Map.of("s", first)), "FORBIDDEN", "« createForm »");
        refused(call(readOnly, "mutation($s: String!) { createDraftBsvhu(input: {emitter: {company: {siret: $s}}}) { id } }",
                Map.of("s", first)), "FORBIDDEN", "« createDraftBsvhu »");
    }

    @Test
    void aCompanyScopedTokenSeesTheBsdsOfItsCompanyOnly() {
        String scoped = token(Map.of("wastetraceScope", Map.of("orgIds", List.of(first))));

        assertEquals(formOf.get(first), ok(scoped, "query($id: ID!) { form(id: $id) { id } }",
                Map.of("id", formOf.get(first))).getString("form.id"));
        assertEquals("FORBIDDEN", call(scoped, "query($id: ID!) { form(id: $id) { id } }", Map.of("id", formOf.get(second)))
                .getString("errors[0].extensions.code"));
        assertEquals("FORBIDDEN", call(scoped, "query($s: String) { forms(siret: $s) { id } }", Map.of("s", second))
                .getString("errors[0].extensions.code"));
        assertEquals(List.of(formOf.get(first)), ok(scoped, "{ forms { id } }", Map.of()).getList("forms.id"));

        List<String> vhus = new ArrayList<>(ok(scoped, "{ bsvhus { edges { node { id } } } }", Map.of())
                .getList("bsvhus.edges.node.id"));
        assertEquals(List.of(vhuOf.get(first)), vhus);
        assertEquals("FORBIDDEN", call(scoped, "query($id: ID!) { bsvhu(id: $id) { id } }", Map.of("id", vhuOf.get(second)))
                .getString("errors[0].extensions.code"));
        assertEquals(2, ok(owner, "{ bsvhus { edges { node { id } } } }", Map.of()).getList("bsvhus.edges").size(),
                "the owner itself sees both");
    }
}
