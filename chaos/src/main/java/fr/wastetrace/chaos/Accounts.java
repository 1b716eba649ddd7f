package fr.wastetrace.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.testing.KeycloakTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The campaign's actors, made through the public API as an integrator would (as the e2e module does): three users sign
 * up (real Keycloak accounts), each registers its own company with a new SIRET (so that a run's BSDs are told apart from
 * everything else on the stack), and gets its Keycloak access token, renewed during the run.
 */
final class Accounts {
    record Actor(String role, String email, String password, String siret, String name, String companyId) {
    }

    final String run;
    final Actor producer;
    final Actor transporter;
    final Actor destination;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private Accounts(String run, Actor producer, Actor transporter, Actor destination) {
        this.run = run;
        this.producer = producer;
        this.transporter = transporter;
        this.destination = destination;
    }

    static Accounts create(Api api) throws Api.ApiFailure {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Actor p = actor(api, run, "producteur", "Producteur chaos " + run, List.of("PRODUCER"), Map.of());
        Actor t = actor(api, run, "transporteur", "Transporteur chaos " + run, List.of("TRANSPORTER"), Map.of("receipt", true));
        Actor d = actor(api, run, "destination", "Installation chaos " + run, List.of("WASTEPROCESSOR"),
                Map.of("wasteProcessorTypes", List.of("DANGEROUS_WASTES_INCINERATION")));
        Accounts accounts = new Accounts(run, p, t, d);
        accounts.refreshTokens();
        return accounts;
    }

    private static Actor actor(Api api, String run, String role, String companyName, List<String> types,
                               Map<String, Object> extra) throws Api.ApiFailure {
        String email = "chaos-" + role + "-" + run + "@wastetrace.test";
        String password = "Chaos-" + UUID.randomUUID();
        api.call(null, "mutation($u: SignupInput!) { signup(userInfos: $u) }",
                Map.of("u", Map.of("email", email, "password", password, "name", "Chaos " + role, "phone", "0601020304")));
        String token = KeycloakTokens.passwordGrant(email, password);
        Map<String, Object> input = new LinkedHashMap<>();
        String siret = siret();
        input.put("siret", siret);
        input.put("companyName", companyName);
        input.put("address", "1 rue des Essais 75001 Paris");
        input.put("companyTypes", types);
        input.put("contact", "Chaos " + role);
        input.put("contactEmail", email);
        input.put("contactPhone", "0601020304");
        if (extra.containsKey("wasteProcessorTypes")) {
            input.put("wasteProcessorTypes", extra.get("wasteProcessorTypes"));
        }
        if (extra.containsKey("receipt")) {
            JsonNode receipt = api.call(token, "mutation($i: CreateTransporterReceiptInput!) { createTransporterReceipt(input: $i) { id } }",
                    Map.of("i", Map.of("receiptNumber", "REC-CHAOS-" + run, "department", "75", "validityLimit", "2030-12-31T00:00:00Z")));
            input.put("transporterReceiptId", receipt.path("createTransporterReceipt").path("id").asText());
        }
        JsonNode company = api.call(token, "mutation($c: PrivateCompanyInput!) { createCompany(companyInput: $c) { id siret } }",
                Map.of("c", input));
        return new Actor(role, email, password, siret, companyName, company.path("createCompany").path("id").asText());
    }

    /** Keycloak tokens last 30 minutes: the campaign renews them every few minutes. */
    void refreshTokens() {
        for (Actor actor : List.of(producer, transporter, destination)) {
            tokens.put(actor.role(), KeycloakTokens.passwordGrant(actor.email(), actor.password()));
        }
    }

    String token(Actor actor) {
        return tokens.get(actor.role());
    }

    List<String> sirets() {
        return List.of(producer.siret(), transporter.siret(), destination.siret());
    }

    /** A Luhn-valid SIRET in a range no seed uses. */
    static String siret() {
        String prefix = "94" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        for (int last = 0; last < 10; last++) {
            String candidate = prefix + last;
            int sum = 0;
            for (int i = 0; i < candidate.length(); i++) {
                int d = candidate.charAt(candidate.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
