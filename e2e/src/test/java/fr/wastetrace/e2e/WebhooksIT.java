package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.Topics;
import fr.wastetrace.testing.KafkaEvents;
import fr.wastetrace.testing.Stack;
import fr.wastetrace.testing.WebhookReceiver;
import fr.wastetrace.testing.workflow.Workflow;
import fr.wastetrace.testing.workflow.WorkflowRunner;
import fr.wastetrace.webhooks.DeliverySignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks on the whole suite: a real receiver on 127.0.0.1 (the local stack's profile allows http and local
 * addresses; production refuses them: WebhookSettingQuarkusTest), a setting created through the gateway, a BSDD taken
 * along the direct route (workflow S01) by its real actors. The producer's endpoint gets CREATED then one UPDATED per
 * change of the BSDD, in order, signed, each within a second of the change's commit; six failures deactivate the
 * setting, and once an administrator reactivates it, deliveries resume.
 */
class WebhooksIT {
    private static final Path WORKFLOWS = Stack.root().resolve("bsd-service/src/test/resources/workflows");
    private static final String TOKEN = "e2e-webhook-token-of-more-than-20-characters";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private WorkflowAccounts accounts;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        Suite.env();
        accounts = WorkflowAccounts.create(WORKFLOWS);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void theDirectRouteReachesTheProducersEndpointChangeByChangeAndFailuresDeactivateTheSetting() throws Exception {
        String companyId = ok("P", "{ myCompanies { edges { node { id } } } }", Map.of())
                .at("/myCompanies/edges/0/node/id").asText();
        JsonNode created = admin("""
                mutation($input: WebhookSettingCreateInput!) {
                  createWebhookSetting(input: $input) { id orgId endpointUri activated wastetraceSigningSecret }
                }""", Map.of("input", Map.of("companyId", companyId, "endpointUri", receiver.url("/p"),
                "token", TOKEN, "activated", true)));
        String settingId = created.at("/createWebhookSetting/id").asText();
        String signingSecret = created.at("/createWebhookSetting/wastetraceSigningSecret").asText();
        assertEquals(accounts.values().get("P.siret").asText(), created.at("/createWebhookSetting/orgId").asText());
        awaitPing(settingId);

        WorkflowRunner.run(Workflow.read(WORKFLOWS.resolve("bsdd/S01-direct-route.yaml")), accounts::call, accounts.values());

        List<WebhookReceiver.Received> got = settled(bsdChanges());
        String readableId = body(got.get(0)).at("/0/id").asText();
        String formId = ok("P", "query($r: String) { form(readableId: $r) { id } }", Map.of("r", readableId))
                .at("/form/id").asText();
        List<EventEnvelope> changes = KafkaEvents.consume(Suite.env().get("KAFKA_BOOTSTRAP_SERVERS"),
                Topics.BSD_EVENTS, formId, got.size(), Duration.ofSeconds(30));
        assertEquals(changes.size(), got.size(), "one delivery per change of the BSDD");
        assertTrue(got.size() >= 5, "created, sealed, signed, taken over, received, processed: " + got.size());
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            WebhookReceiver.Received delivery = got.get(i);
            actions.add(body(delivery).at("/0/action").asText());
            assertEquals(readableId, body(delivery).at("/0/id").asText());
            assertEquals("Bearer: " + TOKEN, delivery.header("Authorization"));
            assertTrue(DeliverySignature.verify(signingSecret, delivery.header(DeliverySignature.HEADER), delivery.body()));
            Duration lag = Duration.between(changes.get(i).occurredAt(), delivery.at());
            System.out.printf("change v%d delivered %d ms after its commit%n", changes.get(i).version(), lag.toMillis());
            assertTrue(lag.compareTo(WITHIN) <= 0, "change v" + changes.get(i).version() + " delivered after " + lag);
        }
        assertEquals("CREATED", actions.get(0));
        assertTrue(actions.subList(1, actions.size()).stream().allMatch("UPDATED"::equals), actions.toString());
        assertEquals(got.size(), got.stream().map(r -> r.header("Idempotency-Key")).distinct().count());

        // The receiver fails six times: the setting is deactivated (company-service's setting, through the event stream).
        int before = bsdChanges().size();
        receiver.fail(6, 500);
        String draft = ok("P", "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id } }",
                Map.of("input", Map.of("emitter", Map.of("company", Map.of("siret",
                        accounts.values().get("P.siret").asText()))))).at("/createForm/id").asText();
        Instant deadline = Instant.now().plusSeconds(60);
        while (activated(settingId) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertTrue(!activated(settingId), "deactivated after six failures");
        JsonNode attempts = admin("query($id: ID!) { wastetraceWebhookDeliveries(id: $id, first: 6) { action attempt httpStatus outcome latencyMs } }",
                Map.of("id", settingId)).get("wastetraceWebhookDeliveries");
        assertEquals(6, attempts.get(0).get("attempt").asInt());
        assertEquals(500, attempts.get(0).get("httpStatus").asInt());

        // Reactivated by an administrator, it receives again.
        admin("mutation($id: ID!) { updateWebhookSetting(id: $id, input: {activated: true}) { activated } }",
                Map.of("id", settingId));
        awaitPing(settingId);
        ok("P", "mutation($input: UpdateFormInput!) { updateForm(updateFormInput: $input) { id } }",
                Map.of("input", Map.of("id", draft, "customId", "REPRISE-1")));
        List<WebhookReceiver.Received> after = settled(before + 1);
        assertEquals(before + 1, after.size());
        assertEquals("UPDATED", body(after.get(before)).at("/0/action").asText());
    }

    /**
     * The other BSD types reach the webhooks too, as in the reference: the destination of each direct route registers
     * an endpoint, and gets each change of the BSD while it is on it, under its readable id.
     */
    @Test
    void theDirectRoutesOfTheOtherTypesReachTheDestinationsEndpoints() throws Exception {
        Map<String, String> routes = new java.util.LinkedHashMap<>();
        routes.put("bsda/S01-collecte-chantier.yaml", "BSDA_D");
        routes.put("bsdasri/S01-acheminement-direct.yaml", "DASRI_D");
        routes.put("bsff/S01-collecte-par-operateur.yaml", "BSFF_D");
        routes.put("bspaoh/S01-acheminement-direct.yaml", "PAOH_CR");
        for (Map.Entry<String, String> route : routes.entrySet()) {
            String companyId = ok(route.getValue(), "{ myCompanies { edges { node { id } } } }", Map.of())
                    .at("/myCompanies/edges/0/node/id").asText();
            String settingId = admin("""
                    mutation($input: WebhookSettingCreateInput!) { createWebhookSetting(input: $input) { id } }""",
                    Map.of("input", Map.of("companyId", companyId, "endpointUri",
                            receiver.url("/" + route.getValue()), "token", TOKEN, "activated", true)))
                    .at("/createWebhookSetting/id").asText();
            awaitPing(settingId);
            String id = WorkflowRunner.run(Workflow.read(WORKFLOWS.resolve(route.getKey())), accounts::call,
                    accounts.values()).get("id").asText();
            Instant deadline = Instant.now().plusSeconds(30);
            List<String> actions = List.of();
            while (Instant.now().isBefore(deadline)) {
                actions = bsdChanges().stream().filter(r -> r.path().equals("/" + route.getValue()))
                        .filter(r -> id.equals(body(r).at("/0/id").asText()))
                        .map(r -> body(r).at("/0/action").asText()).toList();
                if (actions.size() >= 3) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(actions.size() >= 3 && actions.stream().allMatch(a -> a.equals("CREATED") || a.equals("UPDATED")),
                    route.getKey() + " at " + route.getValue() + "'s endpoint: " + actions);
            admin("mutation($id: ID!) { deleteWebhookSetting(id: $id) { id } }", Map.of("id", settingId));
        }
    }

    private void awaitPing(String settingId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String outcome = null;
        while (Instant.now().isBefore(deadline)) {
            outcome = Suite.graphql(Suite.gateway(accounts.ownerToken()),
                    "mutation($id: ID!) { wastetraceTestWebhookSetting(id: $id) { outcome } }", Map.of("id", settingId))
                    .extract().jsonPath().getString("data.wastetraceTestWebhookSetting.outcome");
            if ("DELIVERED".equals(outcome)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the ping never got through: " + outcome);
    }

    private boolean activated(String settingId) {
        return admin("query($id: ID!) { webhooksetting(id: $id) { activated } }", Map.of("id", settingId))
                .at("/webhooksetting/activated").asBoolean();
    }

    /** BSD deliveries received so far (pings left out). */
    private List<WebhookReceiver.Received> bsdChanges() {
        return receiver.received().stream().filter(r -> !body(r).at("/0/action").asText().equals("PING")).toList();
    }

    /** Waits until at least {@code atLeast} deliveries came and no more came for a second. */
    private List<WebhookReceiver.Received> settled(int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            int now = bsdChanges().size();
            if (now >= atLeast && now == last) {
                break;
            }
            last = now;
            Thread.sleep(1000);
        }
        return bsdChanges();
    }

    private List<WebhookReceiver.Received> settled(List<WebhookReceiver.Received> initial) throws InterruptedException {
        return settled(Math.max(1, initial.size()));
    }

    private static JsonNode body(WebhookReceiver.Received received) {
        try {
            return EventCodec.mapper().readTree(received.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** As the ADMIN of every company of the workflow (webhook settings are for administrators only). */
    private JsonNode admin(String operation, Map<String, ?> variables) {
        String body = Suite.graphql(Suite.gateway(accounts.ownerToken()), operation, variables).extract().asString();
        try {
            JsonNode answer = EventCodec.mapper().readTree(body);
            assertTrue(answer.path("errors").isMissingNode(), body);
            return answer.get("data");
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }

    private JsonNode ok(String user, String operation, Map<String, ?> variables) {
        JsonNode answer = accounts.call(user, operation, EventCodec.mapper().valueToTree(variables));
        assertTrue(answer.path("errors").isMissingNode(), answer::toString);
        return answer.get("data");
    }
}
