package fr.wastetrace.company.webhook;

import fr.wastetrace.company.Api;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.WebhookSettingState;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import fr.wastetrace.testing.TestIdentity;
import fr.wastetrace.webhooks.SecretBox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.errorCode;
import static fr.wastetrace.company.Api.ok;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook settings with the reference's rules, under the production endpoint policy (the test profile's): https and
 * public addresses only. A literal public address needs no DNS.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class WebhookSettingQuarkusTest {
    private static final String TOKEN = "a-token-of-twenty-chars-at-least";
    private static final String ENDPOINT = "https://93.184.215.14/hooks/td";
    private static final String FIELDS = "id orgId endpointUri activated createdAt";
    private static final String CREATE = "mutation($input: WebhookSettingCreateInput!) { createWebhookSetting(input: $input) { "
            + FIELDS + " } }";
    private static final String UPDATE = "mutation($id: ID!, $input: WebhookSettingUpdateInput!) { "
            + "updateWebhookSetting(id: $id, input: $input) { " + FIELDS + " } }";
    private static final String DELETE = "mutation($id: ID!) { deleteWebhookSetting(id: $id) { id } }";
    private static final String ONE = "query($id: ID!) { webhooksetting(id: $id) { " + FIELDS + " wastetraceSigningSecret } }";

    @ConfigProperty(name = "wastetrace.outbox.relay.topic")
    String topic;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "wastetrace.webhook.secrets-key")
    String secretsKey;
    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> input(String companyId, String endpoint, String token) {
        Map<String, Object> input = new HashMap<>();
        input.put("companyId", companyId);
        input.put("endpointUri", endpoint);
        input.put("token", token);
        input.put("activated", true);
        return Map.of("input", input);
    }

    private static String message(Api.User user, String query, Map<String, ?> variables) {
        return call(user, query, variables).extract().jsonPath().getString("errors[0].message");
    }

    @Test
    void anAdminCreatesReadsUpdatesAndDeletesASettingPublishedAsCompanyEvents() {
        Api.User admin = Api.newUser();
        String[] company = Api.createCompany(admin);
        JsonPath created = ok(admin, CREATE, input(company[0], ENDPOINT, TOKEN));
        String id = created.getString("createWebhookSetting.id");
        assertEquals(company[1], created.getString("createWebhookSetting.orgId"));
        assertEquals(ENDPOINT, created.getString("createWebhookSetting.endpointUri"));
        assertTrue(created.getBoolean("createWebhookSetting.activated"));

        JsonPath read = ok(admin, ONE, Map.of("id", id));
        assertEquals(id, read.getString("webhooksetting.id"));
        String signingSecret = read.getString("webhooksetting.wastetraceSigningSecret");
        assertTrue(signingSecret.length() >= 40);
        assertNotNull(call(admin, "query($id: ID!) { webhooksetting(id: $id) { token } }", Map.of("id", id))
                .extract().jsonPath().get("errors"), "the token is never readable: no such field");

        JsonPath updated = ok(admin, UPDATE, Map.of("id", id, "input", Map.of("activated", false,
                "token", "another-token-of-twenty-chars")));
        assertFalse(updated.getBoolean("updateWebhookSetting.activated"));
        assertNotNull(call(admin, UPDATE, Map.of("id", id, "input", Map.of("companyId", "other")))
                .extract().jsonPath().get("errors"), "the company cannot change: no such input field");

        JsonPath list = ok(admin, "{ webhooksettings { totalCount edges { cursor node { id } } pageInfo { hasNextPage } } }",
                Map.of());
        assertEquals(1, list.getInt("webhooksettings.totalCount"));
        assertEquals(id, list.getString("webhooksettings.edges[0].node.id"));

        assertEquals(id, ok(admin, DELETE, Map.of("id", id)).getString("deleteWebhookSetting.id"));
        assertEquals("Le webhook avec l'identifiant \"" + id + "\" n'existe pas.", message(admin, ONE, Map.of("id", id)));

        List<EventEnvelope> events = KafkaEvents.consume(bootstrap, topic, id, 3, Duration.ofSeconds(60));
        assertEquals(List.of(WebhookSettingState.UPSERTED, WebhookSettingState.UPSERTED, WebhookSettingState.DELETED),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(EventEnvelope::version).toList());
        WebhookSettingState first = EventCodec.mapper().convertValue(events.get(0).payload(), WebhookSettingState.class);
        assertEquals(company[0], first.companyId());
        assertFalse(events.get(0).payload().toString().contains(TOKEN), "the token travels sealed");
        SecretBox box = new SecretBox(secretsKey);
        assertEquals(TOKEN, box.open(first.sealedToken(), id));
        assertEquals(signingSecret, box.open(first.sealedSigningSecret(), id));
        WebhookSettingState second = EventCodec.mapper().convertValue(events.get(1).payload(), WebhookSettingState.class);
        assertEquals("another-token-of-twenty-chars", box.open(second.sealedToken(), id));
        assertFalse(second.activated());
    }

    @Test
    void onlyAdminsOfTheCompanyManageItsSettings() {
        Api.User admin = Api.newUser();
        Api.User member = Api.newUser();
        Api.User stranger = Api.newUser();
        String[] company = Api.createCompany(admin);
        Api.addMember(admin, company[1], member, "MEMBER");
        assertEquals("Vous n'avez pas la permission de gérer les webhooks de cet établissement.",
                message(member, CREATE, input(company[0], ENDPOINT, TOKEN)));
        String id = ok(admin, CREATE, input(company[0], ENDPOINT, TOKEN)).getString("createWebhookSetting.id");
        String refused = "Le webhook avec l'identifiant \"" + id
                + "\" n'existe pas ou vous n'avez pas les permissions pour y accéder.";
        assertEquals(refused, message(member, ONE, Map.of("id", id)));
        assertEquals(refused, message(stranger, UPDATE, Map.of("id", id, "input", Map.of("activated", false))));
        assertEquals(refused, message(stranger, DELETE, Map.of("id", id)));
        assertEquals("BAD_USER_INPUT", errorCode(stranger, DELETE, Map.of("id", id)));
        assertEquals(0, ok(stranger, "{ webhooksettings { totalCount } }", Map.of()).getInt("webhooksettings.totalCount"));
        assertEquals("UNAUTHENTICATED", Api.call(TestIdentity.anonymous(), ONE, Map.of("id", id)).extract().jsonPath()
                .getString("errors[0].extensions.code"));
        assertEquals("BAD_USER_INPUT", errorCode(admin, CREATE, input(company[1], "https://93.184.215.14/other", TOKEN)),
                "companyId is the company's id, not its SIRET");
    }

    @Test
    void oneSettingPerCompanyByDefaultAndNeverTheSameEndpointTwice() throws Exception {
        Api.User admin = Api.newUser();
        String[] company = Api.createCompany(admin);
        ok(admin, CREATE, input(company[0], ENDPOINT, TOKEN));
        assertEquals("Cet établissement ne peut pas créer davantage de webhooks.",
                message(admin, CREATE, input(company[0], "https://93.184.215.14/second", TOKEN)));
        try (Connection c = dataSource.getConnection();
             PreparedStatement raise = c.prepareStatement("insert into company_webhook_limit values (?, 2)")) {
            raise.setString(1, company[0]);
            raise.executeUpdate();
        }
        assertEquals("Cet établissement a déjà un webhook avec l'endpoint \"" + ENDPOINT + "\"",
                message(admin, CREATE, input(company[0], ENDPOINT, TOKEN)));
        ok(admin, CREATE, input(company[0], "https://93.184.215.14/second", TOKEN));
    }

    @Test
    void endpointsAndTokensAreCheckedAsInProduction() {
        Api.User admin = Api.newUser();
        String[] company = Api.createCompany(admin);
        for (String endpoint : List.of("http://93.184.215.14/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook",
                "https://169.254.169.254/latest", "https://[::1]/hook", "https://192.168.0.10/", "ftp://93.184.215.14/",
                "https://93.184.215.14/" + "a".repeat(300))) {
            String message = message(admin, CREATE, input(company[0], endpoint, TOKEN));
            assertTrue(message != null && (message.startsWith("URL de webhook non sécurisée ou invalide")
                    || message.contains("300 caractères")), endpoint + ": " + message);
        }
        assertEquals("BAD_USER_INPUT", errorCode(admin, CREATE, input(company[0], ENDPOINT, "x".repeat(19))));
        assertEquals("BAD_USER_INPUT", errorCode(admin, CREATE, input(company[0], ENDPOINT, "x".repeat(101))));
        String id = ok(admin, CREATE, input(company[0], ENDPOINT, "x".repeat(100))).getString("createWebhookSetting.id");
        assertEquals("BAD_USER_INPUT", errorCode(admin, UPDATE, Map.of("id", id, "input",
                Map.of("endpointUri", "https://127.0.0.1/hook"))));
        assertEquals("BAD_USER_INPUT", errorCode(admin, UPDATE, Map.of("id", id, "input", Map.of("token", "short"))));
    }

    @Test
    void theDeliveryComponentDeactivatesOnlyTheVersionItSawFailing() {
        Api.User admin = Api.newUser();
        String[] company = Api.createCompany(admin);
        String id = ok(admin, CREATE, input(company[0], ENDPOINT, TOKEN)).getString("createWebhookSetting.id");
        given().contentType("application/json").body("{\"version\":1,\"failures\":6}")
                .post("/internal/webhook-settings/" + id + "/deactivate").then().statusCode(401);
        deactivate(id, 7, false);
        deactivate(id, 1, true);
        assertFalse(ok(admin, ONE, Map.of("id", id)).getBoolean("webhooksetting.activated"));
        deactivate(id, 2, false);
        assertTrue(ok(admin, UPDATE, Map.of("id", id, "input", Map.of("activated", true)))
                .getBoolean("updateWebhookSetting.activated"), "an administrator reactivates it");
        List<EventEnvelope> events = KafkaEvents.consume(bootstrap, topic, id, 3, Duration.ofSeconds(60));
        assertEquals(List.of(true, false, true), events.stream().map(e -> e.payload().get("activated").asBoolean()).toList());
        assertNotEquals(events.get(0).id(), events.get(1).id());
        assertNull(call(admin, ONE, Map.of("id", id)).extract().jsonPath().get("errors"));
    }

    private static void deactivate(String id, long version, boolean deactivated) {
        given().contentType("application/json").header(TestIdentity.HEADER, TestIdentity.anonymous())
                .body("{\"version\":" + version + ",\"failures\":6}")
                .post("/internal/webhook-settings/" + id + "/deactivate").then().statusCode(200)
                .body(containsString("\"deactivated\":" + deactivated));
    }
}
