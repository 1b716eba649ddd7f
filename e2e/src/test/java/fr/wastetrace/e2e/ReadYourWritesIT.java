package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.Gql;
import fr.wastetrace.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Read-your-writes across services (issue #20 item 1), as an integrator's test suite uses the API: a write the API
 * acknowledged is used by the very next request, on another service, with no wait and no retry. Each scenario runs
 * {@value #ITERATIONS} times, spread over {@value #CLIENTS} clients in parallel, and must give no error at all.
 * Each client is its own user, calling from its own loopback address (127.0.0.11, 127.0.0.12, ...), as separate
 * integrators would: one address would meet the per-IP rate limit (1,000 requests a minute), which is not under test.
 */
class ReadYourWritesIT {
    private static final int ITERATIONS = 200;
    private static final int CLIENTS = 8;
    private static final String ADDRESS = "1 rue des Essais 75001 Paris";

    private static final List<Client> clients = new ArrayList<>();
    /** Time spent in Keycloak (signing up, logging in) by the iterations, which read-your-writes has no part in. */
    private static final AtomicLong keycloakNanos = new AtomicLong();

    /** One integrator: its address, its user's token, its producer-transporter P and its treatment plant D. */
    private record Client(InetAddress address, String token, String producerSiret, String destinationSiret) {
        JsonNode call(String operation, Map<String, ?> variables) {
            return call(token, operation, variables);
        }

        JsonNode call(String bearer, String operation, Map<String, ?> variables) {
            var request = RestAssured.given()
                    .config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.route.local-address", address)))
                    .baseUri(Suite.env().get("GATEWAY_URL")).contentType("application/json");
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            String body = request.body(Gql.body(operation, variables)).post("/").then().extract().asString();
            try {
                return EventCodec.mapper().readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not a JSON response: " + body, e);
            }
        }
    }

    @BeforeAll
    static void clients() throws Exception {
        Suite.env();
        for (int i = 0; i < CLIENTS; i++) {
            InetAddress address = InetAddress.getByName("127.0.0." + (11 + i));
            String run = UUID.randomUUID().toString().substring(0, 8);
            String email = "ryw-" + run + "@wastetrace.test";
            String password = "Ryw-" + UUID.randomUUID();
            Client anonymous = new Client(address, null, null, null);
            ok(anonymous.call(null, "mutation($u: SignupInput!) { signup(userInfos: $u) }", Map.of("u",
                    Map.of("email", email, "password", password, "name", "ryw-" + run, "phone", "0601020304"))));
            String jwt = KeycloakTokens.passwordGrant(email, password);
            String token = ok(anonymous.call(jwt, "mutation { createAccessToken(input: { description: \"ryw\" }) { token } }",
                    Map.of())).at("/createAccessToken/token").asText();
            Client client = new Client(address, token, Suite.unregisteredSiret(), Suite.unregisteredSiret());
            String transporterReceipt = ok(client.call("mutation($i: CreateTransporterReceiptInput!) { "
                            + "createTransporterReceipt(input: $i) { id } }",
                    Map.of("i", Map.of("receiptNumber", "TR-" + run, "department", "75",
                            "validityLimit", "2030-12-31T00:00:00Z")))).at("/createTransporterReceipt/id").asText();
            ok(createCompany(client, client.producerSiret(), List.of("PRODUCER", "TRANSPORTER"),
                    Map.of("transporterReceiptId", transporterReceipt)));
            ok(createCompany(client, client.destinationSiret(), List.of("WASTEPROCESSOR"),
                    Map.of("wasteProcessorTypes", List.of("DANGEROUS_WASTES_INCINERATION"))));
            clients.add(client);
        }
    }

    /**
     * A new company with a trader receipt, then at once a BSDD that sends waste to it through it as trader: created
     * (bsd-service copies the trader's receipt from its read model), sealed (the destination must be known there as a
     * treatment plant) and listed for the new company (the caller must be known there as its member).
     */
    @Test
    void aNewCompanyWithATraderReceiptIsUsableAtOnce() throws Exception {
        Outcome outcome = run((client, iteration, errors) -> {
            String receiptNumber = "NEG-" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode receipt = client.call("mutation($i: CreateTraderReceiptInput!) { createTraderReceipt(input: $i) { id } }",
                    Map.of("i", Map.of("receiptNumber", receiptNumber, "department", "69",
                            "validityLimit", "2030-12-31T00:00:00Z")));
            if (failed(receipt, "createTraderReceipt", errors)) {
                return;
            }
            String siret = Suite.unregisteredSiret();
            JsonNode company = createCompany(client, siret, List.of("TRADER", "WASTEPROCESSOR"), Map.of(
                    "traderReceiptId", receipt.at("/data/createTraderReceipt/id").asText(),
                    "wasteProcessorTypes", List.of("DANGEROUS_WASTES_INCINERATION")));
            if (failed(company, "createCompany", errors)) {
                return;
            }
            Map<String, Object> form = form(client, siret);
            form.put("trader", Map.of("company", party(siret)));
            JsonNode created = client.call("mutation($f: CreateFormInput!) { createForm(createFormInput: $f) { id trader "
                    + "{ receipt } } }", Map.of("f", form));
            if (failed(created, "createForm", errors)) {
                return;
            }
            String id = created.at("/data/createForm/id").asText();
            expect(receiptNumber, created.at("/data/createForm/trader/receipt").asText(), "createForm trader.receipt", errors);
            sealAndList(client, id, siret, errors);
        });
        assertEquals(List.of(), outcome.errors(), outcome.report());
        assertEquals(ITERATIONS, outcome.iterations());
    }

    /**
     * An invitation accepted, then used at once: an administrator invites a new e-mail into its company; the person
     * signs up (which accepts the invitation), logs in, and at once lists the company's BSDDs and registers, and
     * creates and seals a BSDD for it.
     */
    @Test
    void anInvitationAcceptedIsUsableAtOnce() throws Exception {
        Outcome outcome = run((client, iteration, errors) -> {
            String email = "ryw-invited-" + UUID.randomUUID().toString().substring(0, 12) + "@wastetrace.test";
            String password = "Ryw-" + UUID.randomUUID();
            JsonNode invited = client.call("mutation($e: String!, $s: String!) { inviteUserToCompany(email: $e, siret: $s, "
                    + "role: MEMBER) { id } }", Map.of("e", email, "s", client.producerSiret()));
            if (failed(invited, "inviteUserToCompany", errors)) {
                return;
            }
            long keycloak = System.nanoTime();
            JsonNode signedUp = client.call(null, "mutation($u: SignupInput!) { signup(userInfos: $u) }", Map.of("u",
                    Map.of("email", email, "password", password, "name", "Invité", "phone", "0601020304")));
            if (failed(signedUp, "signup", errors)) {
                return;
            }
            String jwt = KeycloakTokens.passwordGrant(email, password);
            keycloakNanos.addAndGet(System.nanoTime() - keycloak);
            JsonNode listed = client.call(jwt, "query($s: String) { forms(siret: $s, first: 1) { id } }",
                    Map.of("s", client.producerSiret()));
            if (failed(listed, "forms (new member)", errors)) {
                return;
            }
            JsonNode register = client.call(jwt, "query($s: [String!]!) { outgoingWastes(sirets: $s, first: 1) { totalCount } }",
                    Map.of("s", List.of(client.producerSiret())));
            if (failed(register, "outgoingWastes (new member)", errors)) {
                return;
            }
            Client member = new Client(client.address(), jwt, client.producerSiret(), client.destinationSiret());
            JsonNode created = member.call("mutation($f: CreateFormInput!) { createForm(createFormInput: $f) { id } }",
                    Map.of("f", form(member, member.destinationSiret())));
            if (failed(created, "createForm (new member)", errors)) {
                return;
            }
            sealAndList(member, created.at("/data/createForm/id").asText(), client.producerSiret(), errors);
        });
        assertEquals(List.of(), outcome.errors(), outcome.report());
        assertEquals(ITERATIONS, outcome.iterations());
    }

    private interface Iteration {
        void run(Client client, int iteration, List<String> errors);
    }

    private record Outcome(int iterations, List<String> errors, Duration duration, Duration inKeycloak) {
        String report() {
            return iterations + " iterations, " + CLIENTS + " clients, " + errors.size() + " errors, " + duration.toMillis()
                    + " ms (signup and login in Keycloak: " + inKeycloak.toMillis() + " ms summed over the clients): "
                    + errors.stream().limit(10).toList();
        }
    }

    /** {@value #ITERATIONS} iterations, each client taking the next one as soon as it finished its previous one. */
    private static Outcome run(Iteration iteration) throws Exception {
        keycloakNanos.set(0);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Client client : clients) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ITERATIONS; i = next.getAndIncrement()) {
                        try {
                            iteration.run(client, i, errors);
                        } catch (RuntimeException | AssertionError e) {
                            errors.add("iteration " + i + ": " + e);
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        Outcome outcome = new Outcome(done.get(), List.copyOf(errors), Duration.ofNanos(System.nanoTime() - started),
                Duration.ofNanos(keycloakNanos.get()));
        System.out.println("[read-your-writes] " + outcome.report());
        return outcome;
    }

    private static void sealAndList(Client client, String id, String siret, List<String> errors) {
        JsonNode sealed = client.call("mutation($id: ID!) { markAsSealed(id: $id) { status } }", Map.of("id", id));
        if (failed(sealed, "markAsSealed", errors)) {
            return;
        }
        expect("SEALED", sealed.at("/data/markAsSealed/status").asText(), "markAsSealed status", errors);
        JsonNode listed = client.call("query($s: String) { forms(siret: $s, first: 100) { id } }", Map.of("s", siret));
        if (failed(listed, "forms", errors)) {
            return;
        }
        List<String> ids = new ArrayList<>();
        listed.at("/data/forms").forEach(f -> ids.add(f.get("id").asText()));
        if (!ids.contains(id)) {
            errors.add("forms(siret: " + siret + ") does not list " + id);
        }
    }

    /** A BSDD from the client's producer P (also its transporter) to {@code destinationSiret}. */
    private static Map<String, Object> form(Client client, String destinationSiret) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("emitter", Map.of("type", "PRODUCER", "company", party(client.producerSiret())));
        form.put("recipient", Map.of("processingOperation", "D 10", "cap", "CAP-RYW", "company", party(destinationSiret)));
        form.put("transporter", Map.of("company", party(client.producerSiret())));
        form.put("wasteDetails", Map.of("code", "06 05 02*", "name", "Boues", "isSubjectToADR", false,
                "packagingInfos", List.of(Map.of("type", "CITERNE", "quantity", 1)), "quantity", 1,
                "quantityType", "ESTIMATED", "consistences", List.of("LIQUID"), "pop", false));
        return form;
    }

    private static Map<String, Object> party(String siret) {
        return Map.of("siret", siret, "name", "Entreprise " + siret, "address", ADDRESS, "contact", "Camille",
                "phone", "0102030405", "mail", "contact@wastetrace.test");
    }

    private static JsonNode createCompany(Client client, String siret, List<String> types, Map<String, Object> more) {
        Map<String, Object> input = new LinkedHashMap<>(more);
        input.put("siret", siret);
        input.put("companyName", "Entreprise " + siret);
        input.put("address", ADDRESS);
        input.put("companyTypes", types);
        return client.call("mutation($c: PrivateCompanyInput!) { createCompany(companyInput: $c) { siret } }",
                Map.of("c", input));
    }

    private static JsonNode ok(JsonNode answer) {
        if (answer.has("errors")) {
            throw new AssertionError(answer.toString());
        }
        return answer.get("data");
    }

    private static boolean failed(JsonNode answer, String step, List<String> errors) {
        if (answer.has("errors") || answer.path("data").isNull() || answer.path("data").isMissingNode()) {
            errors.add(step + ": " + answer.path("errors"));
            return true;
        }
        return false;
    }

    private static void expect(String expected, String actual, String what, List<String> errors) {
        if (!expected.equals(actual)) {
            errors.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
