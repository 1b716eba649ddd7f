package fr.wastetrace.bsd.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyEventsFixture;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.testing.TestIdentity;
import fr.wastetrace.testing.workflow.Workflow;
import io.restassured.response.Response;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The actors of {@code workflows/actors.yaml} (shared by the workflows of every type), set up once per test run by publishing their companies and
 * memberships as company-service's events, and GraphQL calls made as one of them.
 */
public final class WorkflowActors {
    /** The documented workflows, a folder per BSD type ({@code bsdd/}, {@code bsvhu/}), and their shared actors. */
    public static final Path DIRECTORY = Path.of("src/test/resources/workflows");
    /** The BSD types that have documented workflows, in the order of the documentation. */
    public static final List<String> TYPES = List.of("bsdd", "bsvhu", "bsdasri", "bspaoh", "bsda", "bsff", "bsds");
    private static boolean published;

    private WorkflowActors() {
    }

    public static synchronized void ensurePublished(CompanyDirectory directory, String bootstrap, String topic) {
        if (published) {
            return;
        }
        JsonNode actors = Workflow.actors(DIRECTORY);
        Map<String, List<CompanyState.Member>> members = new HashMap<>();
        actors.get("users").fields().forEachRemaining(u -> u.getValue().fields().forEachRemaining(m ->
                members.computeIfAbsent(m.getKey(), k -> new ArrayList<>())
                        .add(CompanyEventsFixture.member(subject(u.getKey()), UserRole.valueOf(m.getValue().asText())))));
        try (CompanyEventsFixture fixture = new CompanyEventsFixture(bootstrap, topic)) {
            actors.get("companies").fields().forEachRemaining(c -> {
                JsonNode company = c.getValue();
                List<String> types = new ArrayList<>();
                company.get("types").forEach(t -> types.add(t.asText()));
                Integer securityCode = company.has("securityCode") ? company.get("securityCode").asInt() : null;
                CompanyState.Receipt receipt = company.has("transporterReceipt")
                        ? EventCodec.mapper().convertValue(company.get("transporterReceipt"), CompanyState.Receipt.class)
                        : null;
                CompanyState state = CompanyEventsFixture.company(orgId(company), company.has("vatNumber"),
                        company.get("name").asText(), types, texts(company.get("collectorTypes")),
                        texts(company.get("wasteProcessorTypes")), members.getOrDefault(c.getKey(), List.of()),
                        securityCode, receipt);
                if (company.path("allowBsdasriTakeOverWithoutSignature").asBoolean(false)) {
                    ObjectNode node = EventCodec.mapper().valueToTree(state);
                    node.put("allowBsdasriTakeOverWithoutSignature", true);
                    state = EventCodec.mapper().convertValue(node, CompanyState.class);
                }
                fixture.upsert("company-" + c.getKey(), 1, state);
            });
        }
        actors.get("users").fields().forEachRemaining(u -> u.getValue().fields().forEachRemaining(m ->
                CompanyEventsFixture.awaitRole(directory, subject(u.getKey()),
                        orgId(actors.get("companies").get(m.getKey())), UserRole.valueOf(m.getValue().asText()))));
        published = true;
    }

    /** A company's SIRET, or the VAT number of a foreign one (which has no SIRET). */
    private static String orgId(JsonNode company) {
        return company.has("siret") ? company.get("siret").asText() : company.get("vatNumber").asText();
    }

    private static List<String> texts(JsonNode list) {
        List<String> values = new ArrayList<>();
        if (list != null) {
            list.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    /** Calls the subgraph as the gateway would for {@code user} of actors.yaml (or {@code anonymous}). */
    public static JsonNode call(String user, String operation, JsonNode variables) {
        String identity = "anonymous".equals(user) ? TestIdentity.anonymous()
                : TestIdentity.user(subject(user), subject(user) + "@wastetrace.test", user);
        ObjectNode body = EventCodec.mapper().createObjectNode();
        body.put("query", operation);
        body.set("variables", variables);
        Response response = given().contentType("application/json").header(TestIdentity.HEADER, identity)
                .body(body.toString()).post("/graphql");
        try {
            return EventCodec.mapper().readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError("not a JSON response: " + response.asString(), e);
        }
    }

    static String subject(String user) {
        return "wf-" + user;
    }

    /** {{P.siret}}, {{P.name}}, {{P.securityCode}} ... for every company of actors.yaml. */
    public static Map<String, JsonNode> values() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Workflow.actors(DIRECTORY).get("companies").fields().forEachRemaining(c ->
                c.getValue().fields().forEachRemaining(f -> values.put(c.getKey() + "." + f.getKey(), f.getValue())));
        return values;
    }

    /** The complete BSDD input of the direct-route workflow (S1), ready to send. */
    public static JsonNode directRouteForm() {
        Map<String, JsonNode> values = new HashMap<>(values());
        Workflow.read(DIRECTORY.resolve("bsdd/S01-direct-route.yaml")).addFixtures(values);
        return values.get("fixture.form");
    }
}
