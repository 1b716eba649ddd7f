package fr.wastetrace.webhook.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BsddEvents;
import fr.wastetrace.events.bsd.BsvhuEvents;
import fr.wastetrace.events.company.WebhookSettingState;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import fr.wastetrace.testing.TestIdentity;
import fr.wastetrace.testing.WebhookReceiver;
import fr.wastetrace.webhooks.DeliverySignature;
import fr.wastetrace.webhooks.SecretBox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery component on the real Kafka and PostgreSQL, delivering to a real HTTP receiver on 127.0.0.1: settings
 * and BSD changes are published as company-service and bsd-service publish them.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class DeliveryQuarkusTest {
    private static final String TOKEN = "a-token-of-more-than-twenty-characters";
    private static final String SECRET = "signing-secret-of-the-test";
    private static WebhookReceiver receiver;

    @ConfigProperty(name = "wastetrace.webhook.topics.bsd-events")
    String bsdTopic;
    @ConfigProperty(name = "wastetrace.webhook.topics.company-events")
    String companyTopic;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "wastetrace.webhook.secrets-key")
    String secretsKey;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static String orgId() {
        return "1" + String.format("%013d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000_000_000L));
    }

    private void publishSetting(String id, String orgId, String path, boolean activated, long version) {
        SecretBox box = new SecretBox(secretsKey);
        WebhookSettingState state = new WebhookSettingState(id, "company-" + orgId, orgId, receiver.url(path), activated,
                box.seal(TOKEN, id), box.seal(SECRET, id), Instant.now());
        send(companyTopic, new EventEnvelope(UUID.randomUUID(), WebhookSettingState.UPSERTED,
                WebhookSettingState.AGGREGATE_TYPE, id, version, Instant.now(), WebhookSettingState.SCHEMA_VERSION,
                EventCodec.mapper().valueToTree(state)));
    }

    private void publishBsdd(String id, long version, boolean deleted, String... orgIds) {
        ObjectNode form = EventCodec.mapper().createObjectNode();
        form.put("id", id).put("readableId", "BSD-" + id).put("version", version).put("isDeleted", deleted);
        form.putObject("emitter").putObject("company").put("siret", orgIds[0]);
        ArrayNode transporters = form.putArray("transporters");
        for (int i = 1; i < orgIds.length; i++) {
            transporters.addObject().putObject("company").put("orgId", orgIds[i]);
        }
        send(bsdTopic, new EventEnvelope(UUID.randomUUID(), deleted ? BsddEvents.DELETED : BsddEvents.UPSERTED,
                BsddEvents.AGGREGATE_TYPE, id, version, Instant.now(), BsddEvents.SCHEMA_VERSION, form));
    }

    private void send(String topic, EventEnvelope event) {
        try (KafkaEvents kafka = new KafkaEvents(bootstrap)) {
            kafka.send(topic, event.aggregateId(), EventCodec.encode(event));
        }
    }

    private void awaitCopy(String settingId, long version) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement select = c.prepareStatement("select version from webhook_target where setting_id = ?")) {
                select.setString(1, settingId);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next() && rs.getLong(1) >= version) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the setting " + settingId + " never reached version " + version);
    }

    private static String action(WebhookReceiver.Received received) {
        JsonNode body = readTree(received.body());
        return body.get(0).get("action").asText() + " " + body.get(0).get("id").asText();
    }

    private static JsonNode readTree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyChangeOfABsdReachesTheSettingsOfItsCompaniesInOrderAndSigned() throws Exception {
        String producer = orgId();
        String carrier = orgId();
        String producerSetting = "ws-" + UUID.randomUUID();
        String carrierSetting = "ws-" + UUID.randomUUID();
        publishSetting(producerSetting, producer, "/producer", true, 1);
        publishSetting(carrierSetting, carrier, "/carrier", true, 1);
        awaitCopy(producerSetting, 1);
        awaitCopy(carrierSetting, 1);

        String bsd = "bsdd-" + UUID.randomUUID();
        publishBsdd(bsd, 1, false, producer);
        publishBsdd(bsd, 2, false, producer, carrier);
        publishBsdd(bsd, 2, false, producer, carrier);      // read twice: delivered once
        publishBsdd(bsd, 3, false, producer);
        publishBsdd(bsd, 4, true, producer);

        List<WebhookReceiver.Received> producerGot = receivedAt(producerSetting, "/producer", 4);
        assertEquals(List.of("CREATED BSD-" + bsd, "UPDATED BSD-" + bsd, "UPDATED BSD-" + bsd, "DELETED BSD-" + bsd),
                producerGot.stream().map(DeliveryQuarkusTest::action).toList());
        List<WebhookReceiver.Received> carrierGot = receivedAt(carrierSetting, "/carrier", 2);
        assertEquals(List.of("UPDATED BSD-" + bsd, "UPDATED BSD-" + bsd),
                carrierGot.stream().map(DeliveryQuarkusTest::action).toList(), "added, then removed");

        WebhookReceiver.Received first = producerGot.get(0);
        assertEquals("Bearer: " + TOKEN, first.header("Authorization"));
        assertEquals("application/json", first.header("Content-Type"));
        assertTrue(DeliverySignature.verify(SECRET, first.header(DeliverySignature.HEADER), first.body()));
        assertEquals(4, producerGot.stream().map(r -> r.header("Idempotency-Key")).distinct().count());
        assertEquals(4, receivedAt(producerSetting, "/producer", 4).size(), "nothing more");
    }

    @Test
    void bsvhuChangesAreDeliveredWithTheirReadableId() throws Exception {
        String emitter = orgId();
        String setting = "ws-" + UUID.randomUUID();
        publishSetting(setting, emitter, "/vhu", true, 1);
        awaitCopy(setting, 1);
        ObjectNode bsvhu = EventCodec.mapper().createObjectNode();
        String id = "VHU-20260601-" + UUID.randomUUID().toString().substring(0, 9).toUpperCase();
        bsvhu.put("id", id).put("version", 1).put("isDeleted", false);
        bsvhu.putObject("emitter").putObject("company").put("siret", emitter);
        send(bsdTopic, new EventEnvelope(UUID.randomUUID(), BsvhuEvents.UPSERTED, BsvhuEvents.AGGREGATE_TYPE, id, 1,
                Instant.now(), BsvhuEvents.SCHEMA_VERSION, bsvhu));
        assertEquals(List.of("CREATED " + id), receivedAt(setting, "/vhu", 1).stream().map(DeliveryQuarkusTest::action).toList());
    }

    @Test
    void moreThanFiveFailuresDeactivateTheSettingAndANewerActivatedStateResumesDeliveries() throws Exception {
        String company = orgId();
        String setting = "ws-" + UUID.randomUUID();
        publishSetting(setting, company, "/failing", true, 1);
        awaitCopy(setting, 1);
        int before = receiver.requests();
        receiver.fail(6, 503);
        String bsd = "bsdd-" + UUID.randomUUID();
        publishBsdd(bsd, 1, false, company);
        publishBsdd(bsd, 2, false, company);

        long deadline = System.currentTimeMillis() + 30_000;
        while (deactivationRequestedAt(setting) == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertNotNull(deactivationRequestedAt(setting), "deactivated after the sixth failure");
        assertEquals(6, receiver.requests() - before, "the head was retried, the next change waited behind it");
        JsonPath attempts = given().header(TestIdentity.HEADER, TestIdentity.anonymous())
                .get("/internal/webhook-settings/" + setting + "/attempts?first=10").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(6, attempts.getList("").size());
        assertEquals(503, attempts.getInt("[0].httpStatus"));
        assertEquals("HTTP_ERROR", attempts.getString("[0].outcome"));
        assertEquals(6, attempts.getInt("[0].attempt"));

        publishBsdd(bsd, 3, false, company);             // deactivated: not delivered
        Thread.sleep(1000);
        assertEquals(6, receiver.requests() - before);

        publishSetting(setting, company, "/failing", true, 3);   // an administrator reactivated it
        awaitCopy(setting, 3);
        publishBsdd(bsd, 4, false, company);
        assertEquals(List.of("UPDATED BSD-" + bsd), receivedAt(setting, "/failing", 1).stream()
                .map(DeliveryQuarkusTest::action).toList());
    }

    @Test
    void aMalformedSettingEventIsSkippedAndTheNextOnesApply() throws Exception {
        String broken = "ws-" + UUID.randomUUID();
        send(companyTopic, new EventEnvelope(UUID.randomUUID(), WebhookSettingState.UPSERTED,
                WebhookSettingState.AGGREGATE_TYPE, broken, 1, Instant.now(), WebhookSettingState.SCHEMA_VERSION,
                EventCodec.mapper().createObjectNode().put("id", broken).put("activated", "not a boolean")));
        String setting = "ws-" + UUID.randomUUID();
        publishSetting(setting, orgId(), "/after-broken", true, 1);
        awaitCopy(setting, 1);
    }

    @Test
    void internalEndpointsNeedThePlatformIdentity() {
        given().get("/internal/webhook-settings/x/attempts").then().statusCode(401);
        given().header(TestIdentity.HEADER, "v1.forged.signature").post("/internal/webhook-settings/x/ping")
                .then().statusCode(401);
    }

    @Test
    void aPingIsSignedAndRecorded() throws Exception {
        String setting = "ws-" + UUID.randomUUID();
        publishSetting(setting, orgId(), "/ping", true, 1);
        JsonPath ping = given().header(TestIdentity.HEADER, TestIdentity.anonymous())
                .post("/internal/webhook-settings/" + setting + "/ping?version=1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("DELIVERED", ping.getString("outcome"));
        assertEquals(200, ping.getInt("httpStatus"));
        WebhookReceiver.Received got = receivedAt(setting, "/ping", 1).get(0);
        assertEquals("PING " + setting, action(got));
        assertTrue(DeliverySignature.verify(SECRET, got.header(DeliverySignature.HEADER), got.body()));
    }

    /** What the receiver accepted for this setting (its endpoint path is unique to it). */
    private static List<WebhookReceiver.Received> receivedAt(String setting, String path, int count)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        List<WebhookReceiver.Received> mine;
        do {
            mine = receiver.received().stream().filter(r -> path.equals(r.path())).toList();
            if (mine.size() >= count) {
                Thread.sleep(300);
                return receiver.received().stream().filter(r -> path.equals(r.path())).toList();
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        return mine;
    }

    private Instant deactivationRequestedAt(String setting) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select deactivation_requested_at from webhook_target where setting_id = ?")) {
            select.setString(1, setting);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }
}
