package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.KeycloakTokens;
import fr.wastetrace.testing.workflow.Workflow;
import io.restassured.path.json.JsonPath;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.nullValue;

/**
 * The actors of a workflow directory's {@code actors.yaml}, made real through the public API only, as an integrator
 * would: one owner account signs up and registers every company (with a new SIRET per run, so that runs on one
 * stack never collide, and a transporter receipt where the file has one); each user signs up, is invited into its
 * companies with the file's role, and creates a personal access token, with which the workflows call the gateway.
 */
final class WorkflowAccounts {
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> keycloakTokens = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private String ownerToken;

    private WorkflowAccounts() {
    }

    static WorkflowAccounts create(Path directory) {
        WorkflowAccounts accounts = new WorkflowAccounts();
        String run = UUID.randomUUID().toString().substring(0, 8);
        JsonNode actors = Workflow.actors(directory);
        String ownerToken = signUp("wf-owner-" + run, "Wf-" + UUID.randomUUID());
        accounts.ownerToken = ownerToken;

        Map<String, String> orgIds = new HashMap<>();
        actors.get("companies").fields().forEachRemaining(c -> {
            String key = c.getKey();
            JsonNode company = c.getValue();
            c.getValue().fields().forEachRemaining(f -> accounts.values.put(key + "." + f.getKey(), f.getValue()));
            Map<String, Object> input = new LinkedHashMap<>();
            boolean foreign = company.has("vatNumber");
            // a foreign company has a VAT number and no SIRET; each run registers its own
            String orgId = foreign ? "BE0" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L))
                    : Suite.unregisteredSiret();
            input.put(foreign ? "vatNumber" : "siret", orgId);
            input.put("companyName", company.get("name").asText());
            input.put("address", "1 rue des Essais 75001 Paris");
            List<String> types = new ArrayList<>();
            company.get("types").forEach(t -> types.add(t.asText()));
            input.put("companyTypes", types);
            for (String subProfiles : List.of("collectorTypes", "wasteProcessorTypes", "wasteVehiclesTypes")) {
                if (company.has(subProfiles)) {
                    List<String> values = new ArrayList<>();
                    company.get(subProfiles).forEach(v -> values.add(v.asText()));
                    input.put(subProfiles, values);
                }
            }
            for (String setting : List.of("allowBsdasriTakeOverWithoutSignature", "allowAppendix1SignatureAutomation")) {
                if (company.has(setting)) {
                    input.put(setting, company.get(setting).asBoolean());
                }
            }
            for (String receipt : List.of("Transporter", "Trader", "Broker")) {
                String field = receipt.toLowerCase() + "Receipt";
                if (company.has(field)) {
                    input.put(field + "Id", call(ownerToken, "mutation($i: Create" + receipt + "ReceiptInput!) { create"
                                    + receipt + "Receipt(input: $i) { id } }",
                            Map.of("i", EventCodec.mapper().convertValue(company.get(field), Map.class)))
                            .getString("data.create" + receipt + "Receipt.id"));
                }
            }
            if (types.contains("ECO_ORGANISME")) {
                approveEcoOrganisme(orgId, company.get("name").asText());
            }
            JsonPath created = call(ownerToken,
                    "mutation($c: PrivateCompanyInput!) { createCompany(companyInput: $c) { siret securityCode } }",
                    Map.of("c", input));
            orgIds.put(key, orgId);
            accounts.values.put(key + (foreign ? ".vatNumber" : ".siret"), new TextNode(orgId));
            accounts.values.put(key + ".securityCode", new IntNode(created.getInt("data.createCompany.securityCode")));
        });

        actors.get("users").fields().forEachRemaining(u -> {
            String email = "wf-" + u.getKey().toLowerCase() + "-" + run;
            String password = "Wf-" + UUID.randomUUID();
            String jwt = signUp(email, password);
            accounts.keycloakTokens.put(u.getKey(), jwt);
            accounts.passwords.put(u.getKey(), password);
            accounts.values.put(u.getKey() + ".email", new TextNode(email + "@wastetrace.test"));
            u.getValue().fields().forEachRemaining(m -> call(ownerToken,
                    "mutation($e: String!, $s: String!, $r: UserRole!) { inviteUserToCompany(email: $e, siret: $s, role: $r) { id } }",
                    Map.of("e", email + "@wastetrace.test", "s", orgIds.get(m.getKey()), "r", m.getValue().asText())));
            String personalToken = call(jwt, "mutation { createAccessToken(input: { description: \"workflows\" }) { token } }",
                    Map.of()).getString("data.createAccessToken.token");
            accounts.tokens.put(u.getKey(), personalToken);
            u.getValue().fields().forEachRemaining(m -> awaitBsdServiceKnows(personalToken, orgIds.get(m.getKey())));
        });
        return accounts;
    }

    /** The workflows' placeholders: {@code P.siret}, {@code P.name}, {@code P.securityCode}, ... of this run. */
    Map<String, JsonNode> values() {
        return values;
    }

    /** Sends an operation through the gateway as a user of actors.yaml ({@code anonymous}: without a token). */
    JsonNode call(String user, String operation, JsonNode variables) {
        var request = "anonymous".equals(user) ? Suite.gateway() : Suite.gateway(token(user));
        String body = request.body(Map.of("query", operation, "variables", variables)).post("/").then()
                .extract().asString();
        try {
            return EventCodec.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not a JSON response: " + body, e);
        }
    }

    /** The Keycloak access token of the account that created every company: the ADMIN of all of them. */
    String ownerToken() {
        return ownerToken;
    }

    /** The user's personal access token. */
    String token(String user) {
        String token = tokens.get(user);
        if (token == null) {
            throw new IllegalArgumentException("no user " + user + " in actors.yaml");
        }
        return token;
    }

    /** The Keycloak access token the user got when it signed up (short-lived: for a test that starts right away). */
    String keycloakToken(String user) {
        return keycloakTokens.get(user);
    }

    /** A new personal access token of the user, made as in the UI (with a fresh Keycloak session): its id and token. */
    NewAccessToken createAccessToken(String user, String description) {
        JsonPath created = call(freshKeycloakToken(user), "mutation($d: String!) { createAccessToken(input: { description: $d }) "
                + "{ id token } }", Map.of("d", description));
        return new NewAccessToken(created.getString("data.createAccessToken.id"), created.getString("data.createAccessToken.token"));
    }

    record NewAccessToken(String id, String token) {
    }

    /** Revokes one of the user's personal access tokens, as in the UI. */
    void revokeAccessToken(String user, String id) {
        call(freshKeycloakToken(user), "mutation($id: ID!) { revokeAccessToken(id: $id) { id } }", Map.of("id", id));
    }

    private String freshKeycloakToken(String user) {
        return KeycloakTokens.passwordGrant(values.get(user + ".email").asText(), passwords.get(user));
    }

    /**
     * Only approved eco-organismes may register with that profile; the list is reference data that operators load
     * into company-service (there is no public mutation for it), so the test adds this run's one to the table.
     */
    private static void approveEcoOrganisme(String siret, String name) {
        try (Connection connection = DriverManager.getConnection(Suite.jdbcUrl("company"), Suite.env().get("DB_USER"),
                Suite.env().get("DB_PASSWORD"));
             PreparedStatement insert = connection.prepareStatement("insert into eco_organisme (id, siret, name, address, "
                     + "handle_bsdd) values (?, ?, ?, '1 rue des Essais 75001 Paris', true)")) {
            insert.setString(1, "e2e-" + siret);
            insert.setString(2, siret);
            insert.setString(3, name);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not add the eco-organisme " + siret, e);
        }
    }

    /** Signs a new user up through the gateway; returns its Keycloak access token. */
    static String signUp(String localPart, String password) {
        String email = localPart + "@wastetrace.test";
        Suite.graphql(Suite.gateway(), "mutation($u: SignupInput!) { signup(userInfos: $u) }",
                        Map.of("u", Map.of("email", email, "password", password, "name", localPart, "phone", "0601020304")))
                .statusCode(200).body("errors", nullValue());
        return KeycloakTokens.passwordGrant(email, password);
    }

    private static JsonPath call(String token, String query, Map<String, ?> variables) {
        return Suite.graphql(Suite.gateway(token), query, variables).statusCode(200).body("errors", nullValue())
                .extract().jsonPath();
    }

    /** bsd-service learns memberships from company-service's events: wait until it lets the user list the company. */
    static void awaitBsdServiceKnows(String token, String siret) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonPath answer = Suite.graphql(Suite.gateway(token), "query($s: String) { forms(siret: $s, first: 1) { id } }",
                    Map.of("s", siret)).statusCode(200).extract().jsonPath();
            if (answer.get("errors") == null) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("bsd-service still refuses " + siret + " after 60 s: " + answer.prettify());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
