package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.Stack;
import fr.wastetrace.testing.workflow.Workflow;
import fr.wastetrace.testing.workflow.WorkflowRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented workflows of every BSD type of bsd-service ({@code bsd-service/src/test/resources/workflows/<type>}),
 * run through the gateway by real accounts (Keycloak sign-up, companies and roles in company-service, personal access
 * tokens) on the whole local suite: the same files bsd-service's own tests run against the subgraph alone.
 */
class BsdWorkflowsIT {
    private static final Path WORKFLOWS = Stack.root().resolve("bsd-service/src/test/resources/workflows");
    /** One folder of workflow files per BSD type; a type is added here when its folder exists. */
    private static final List<String> TYPES = List.of("bsdd", "bsvhu", "bsdasri", "bspaoh", "bsda", "bsff", "bsds");

    /**
     * A type's direct route (a workflow that takes one BSD, saved as {@code id}, to its processing) and the actors of
     * its emitter, transporter and destination, for the register check. BSDD and BSVHU are checked by RegistersIT.
     */
    private record DirectRoute(String type, String file, String emitter, String transporter, String destination) {
    }

    private static final List<DirectRoute> DIRECT_ROUTES = List.of(
            new DirectRoute("bsdasri", "S01-acheminement-direct.yaml", "DASRI_P", "DASRI_T", "DASRI_D"),
            new DirectRoute("bspaoh", "S01-acheminement-direct.yaml", "PAOH_H", "PAOH_T", "PAOH_CR"),
            new DirectRoute("bsda", "S01-collecte-chantier.yaml", "BSDA_MO", "BSDA_T", "BSDA_D"),
            new DirectRoute("bsda", "S09-transporteur-etranger.yaml", "BSDA_MO", "BSDA_TE", "BSDA_D"),
            new DirectRoute("bsff", "S01-collecte-par-operateur.yaml", "BSFF_OP", "BSFF_T", "BSFF_D"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static WorkflowAccounts accounts;

    private static synchronized WorkflowAccounts accounts() {
        if (accounts == null) {
            Suite.env();
            accounts = WorkflowAccounts.create(WORKFLOWS);
        }
        return accounts;
    }

    @TestFactory
    List<DynamicNode> workflowsThroughTheGateway() {
        WorkflowAccounts accounts = accounts();
        return TYPES.stream().<DynamicNode>map(type -> DynamicContainer.dynamicContainer(type,
                Workflow.all(WORKFLOWS.resolve(type)).stream().map(workflow ->
                        DynamicTest.dynamicTest(workflow.id() + " " + workflow.title(),
                                () -> WorkflowRunner.run(workflow, accounts::call, accounts.values()))))).toList();
    }

    /** After its direct route, the BSD is in its emitter's, transporter's and destination's registers. */
    @TestFactory
    List<DynamicNode> aProcessedBsdOfEachTypeIsInTheRegistersOfItsCompanies() {
        WorkflowAccounts accounts = accounts();
        return DIRECT_ROUTES.stream().<DynamicNode>map(route -> DynamicTest.dynamicTest(route.type() + " " + route.file(), () -> {
            Map<String, JsonNode> values = WorkflowRunner.run(Workflow.read(WORKFLOWS.resolve(route.type())
                    .resolve(route.file())), accounts::call, accounts.values());
            String id = values.get("id").asText();
            Instant committed = Instant.now();
            if (values.containsKey("roadControl")) {
                HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(values.get("roadControl").asText())).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, pdf.statusCode(), route.type() + " road-control link");
                assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII),
                        "the link opens the PDF without logging in");
            }
            awaitLine(accounts, route.destination(), "incomingWastes", id);
            awaitLine(accounts, route.emitter(), "outgoingWastes", id);
            awaitLine(accounts, route.transporter(), "transportedWastes", id);
            for (String company : List.of(route.emitter(), route.transporter(), route.destination())) {
                awaitLine(accounts, company, "allWastes", id);
            }
            System.out.printf("BsdWorkflowsIT: %s %s in the 6 registers %d ms after its last commit was "
                    + "acknowledged%n", route.type(), id, Duration.between(committed, Instant.now()).toMillis());
        })).toList();
    }

    /**
     * After a grouping BSD reached its final treatment, each BSD it grouped shows that treatment in its emitter's
     * outgoing register (destinationFinalOperation*), the reference's operation hook.
     */
    @TestFactory
    List<DynamicNode> aGroupedBsdShowsTheFinalTreatmentOfItsGroupingInItsEmittersOutgoingRegister() {
        WorkflowAccounts accounts = accounts();
        record Grouping(String type, String file, String initialKey, String emitter, String code, String destination) {
        }
        return List.of(new Grouping("bsda", "S03-groupement.yaml", "a1", "BSDA_MO", "D 5", "BSDA_D"),
                new Grouping("bsff", "S03-groupement.yaml", "id", "BSFF_OP", "R2", "BSFF_D")).stream()
                .<DynamicNode>map(g -> DynamicTest.dynamicTest(g.type(), () -> {
                    Map<String, JsonNode> values = WorkflowRunner.run(Workflow.read(WORKFLOWS.resolve(g.type())
                            .resolve(g.file())), accounts::call, accounts.values());
                    String id = values.get(g.initialKey()).asText();
                    String siret = accounts.values().get(g.destination() + ".siret").asText();
                    JsonNode node = awaitNode(accounts, g.emitter(), "outgoingWastes", id,
                            "destinationFinalOperationCodes destinationFinalOperationWeights "
                                    + "destinationFinalOperationCompanySirets",
                            n -> n.path("destinationFinalOperationCodes").toString().contains("\"" + g.code() + "\""));
                    assertTrue(node.path("destinationFinalOperationCompanySirets").toString().contains(siret),
                            node::toString);
                    assertTrue(node.path("destinationFinalOperationWeights").get(0).asDouble() > 0, node::toString);
                })).toList();
    }

    /**
     * A forwarded BSDA's lines show the destination of the RESHIPMENT BSDA that forwards it
     * (postTempStorageDestination*, outgoing and exhaustive registers) and follow it: BSDA8 up to the reshipment's
     * creation, then a change of the reshipment's destination before it is signed, then the reshipment's deletion.
     */
    @Test
    void aForwardedBsdaShowsTheDestinationOfItsReshipmentWhileItChanges() throws Exception {
        WorkflowAccounts accounts = accounts();
        Instant started = Instant.now();
        Map<String, JsonNode> values = WorkflowRunner.run(Workflow.read(WORKFLOWS.resolve("bsda")
                .resolve("S08-reexpedition.yaml")).untilSaved("r"), accounts::call, accounts.values());
        String initial = values.get("a1").asText();
        String reshipment = values.get("r").asText();
        String fields = "postTempStorageDestinationSiret postTempStorageDestinationName "
                + "postTempStorageDestinationPostalCode postTempStorageDestinationCountry";
        String planned = orgId(accounts, "BSDA_D");
        awaitNode(accounts, "BSDA_MO", "allWastes", initial, fields, n -> planned.equals(siret(n)));
        JsonNode first = awaitNode(accounts, "BSDA_MO", "outgoingWastes", initial, fields,
                n -> planned.equals(siret(n)));
        assertEquals("44800", first.path("postTempStorageDestinationPostalCode").asText(), first::toString);
        assertEquals("FR", first.path("postTempStorageDestinationCountry").asText(), first::toString);

        String other = orgId(accounts, "BSDA_DEC");
        Map<String, String> company = Map.of("siret", other, "name", accounts.values().get("BSDA_DEC.name").asText(),
                "address", "Rue de la Déchèterie 44300 Nantes");
        JsonNode updated = accounts.call("BSDA_TTR", "mutation($id: ID!, $input: BsdaInput!) { updateBsda(id: $id, "
                + "input: $input) { id } }", EventCodec.mapper().valueToTree(Map.of("id", reshipment,
                "input", Map.of("destination", Map.of("company", company)))));
        assertTrue(updated.path("errors").isMissingNode(), updated::toString);
        JsonNode followed = awaitNode(accounts, "BSDA_MO", "outgoingWastes", initial, fields,
                n -> other.equals(siret(n)));
        assertEquals("44300", followed.path("postTempStorageDestinationPostalCode").asText(), followed::toString);

        JsonNode deleted = accounts.call("BSDA_TTR", "mutation($id: ID!) { deleteBsda(id: $id) { id } }",
                EventCodec.mapper().valueToTree(Map.of("id", reshipment)));
        assertTrue(deleted.path("errors").isMissingNode(), deleted::toString);
        awaitNode(accounts, "BSDA_MO", "outgoingWastes", initial, fields,
                n -> n.path("postTempStorageDestinationSiret").isNull()
                        && n.path("postTempStorageDestinationCountry").isNull());
        System.out.printf("BsdWorkflowsIT: forwarded BSDA %s followed its reshipment in the registers, %d ms in all%n",
                initial, Duration.between(started, Instant.now()).toMillis());
    }

    private static String siret(JsonNode line) {
        return line.path("postTempStorageDestinationSiret").asText(null);
    }

    private static void awaitLine(WorkflowAccounts accounts, String company, String register, String id)
            throws InterruptedException {
        awaitNode(accounts, company, register, id, "", n -> true);
    }

    /** An actor's SIRET, or the VAT number of a foreign one. */
    private static String orgId(WorkflowAccounts accounts, String company) {
        JsonNode siret = accounts.values().get(company + ".siret");
        return (siret != null ? siret : accounts.values().get(company + ".vatNumber")).asText();
    }

    /** The line {@code id} of a company's register once {@code ready} holds for it (within {@link #PATIENCE}). */
    private static JsonNode awaitNode(WorkflowAccounts accounts, String company, String register, String id,
                                      String fields, Predicate<JsonNode> ready) throws InterruptedException {
        String query = "query($s: [String!]!, $where: WasteRegistryWhere) { r: " + register
                + "(sirets: $s, where: $where) { edges { node { id " + fields + " } } } }";
        JsonNode variables = EventCodec.mapper().valueToTree(Map.of(
                "s", List.of(orgId(accounts, company)),
                "where", Map.of("id", Map.of("_eq", id))));
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode last = null;
        while (true) {
            JsonNode answer = accounts.call(company, query, variables);
            assertTrue(answer.path("errors").isMissingNode(), () -> register + " of " + company + ": " + answer);
            for (JsonNode edge : answer.at("/data/r/edges")) {
                if (id.equals(edge.at("/node/id").asText())) {
                    last = edge.get("node");
                    if (ready.test(last)) {
                        return last;
                    }
                }
            }
            JsonNode seen = last;
            assertFalse(Instant.now().isAfter(deadline), () -> id + " never reached " + company + "'s " + register
                    + " as expected; last seen: " + seen);
            Thread.sleep(50);
        }
    }
}
