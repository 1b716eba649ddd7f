package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.bsd.company.CompanyEventsFixture;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec §2.8: the transporter of a dedicated round takes an appendix-1 item over without its producer's signature when
 * an eco-organisme is on the round and the producer is not registered, or when the producer granted it a signature
 * automation (company-service's events carry it); the platform then signs the emission. Each test publishes its own
 * companies, so that the shared workflow actors keep their state.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class Appendix1SignatureAutomationQuarkusTest extends ActsAsWorkflowActors {
    private static final CompanyState.Receipt RECEIPT =
            new CompanyState.Receipt("REC-SA-2026", "33", Instant.parse("2030-12-31T00:00:00Z"));
    private static final String TAKEN_OVER_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    /** The collector-transporter of the round, whose user is {@code collector}. */
    private String collector;
    private String collectorSiret;

    private static String newSiret() {
        String prefix = "8" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        for (int check = 0; check < 10; check++) {
            if (BsddValidation.luhn(prefix + check)) {
                return prefix + check;
            }
        }
        throw new IllegalStateException("unreachable: one check digit always fits");
    }

    /** Publishes a company (version 1) with one member, {@code user}, and waits until the read model shows it. */
    private void publish(String user, String siret, List<String> types, boolean allowAutomation, List<String> automationTo) {
        publish(user, siret, types, 1, allowAutomation, automationTo);
    }

    private void publish(String user, String siret, List<String> types, long version, boolean allowAutomation,
                         List<String> automationTo) {
        CompanyState state = new CompanyState("company-" + siret, siret, siret, null, "Entreprise " + siret, null,
                "1 rue de la Tournée 33000 Bordeaux", types, false,
                List.of(CompanyEventsFixture.member("wf-" + user, UserRole.MEMBER)), 1234, null, null, null, List.of(),
                List.of(), List.of(), types.contains("TRANSPORTER") ? RECEIPT : null, null, null, null, null, null,
                false, null, allowAutomation, automationTo);
        try (CompanyEventsFixture fixture = new CompanyEventsFixture(bootstrap, companyTopic)) {
            fixture.upsert("company-" + siret, version, state);
        }
        CompanyEventsFixture.await(() -> directory.byOrgId(siret)
                .filter(c -> c.allowAppendix1SignatureAutomation() == allowAutomation
                        && c.signatureAutomationTo().equals(automationTo)).isPresent(), "company " + siret + " v" + version);
        CompanyEventsFixture.awaitRole(directory, "wf-" + user, siret, UserRole.MEMBER);
    }

    @BeforeEach
    void collectorTransporter() {
        collector = "sa-c-" + UUID.randomUUID().toString().substring(0, 8);
        collectorSiret = newSiret();
        publish(collector, collectorSiret, List.of("COLLECTOR", "TRANSPORTER"), false, List.of());
    }

    private static ObjectNode company(String siret) {
        return EventCodec.mapper().createObjectNode().put("siret", siret).put("name", "Entreprise " + siret)
                .put("address", "1 rue de la Tournée 33000 Bordeaux").put("contact", "Claire").put("phone", "0556000000")
                .put("mail", "contact-" + siret + "@wastetrace.test");
    }

    private static JsonNode ok(String user, String operation, Map<String, ?> variables) {
        JsonNode response = WorkflowActors.call(user, operation, EventCodec.mapper().valueToTree(variables));
        assertTrue(response.path("errors").isMissingNode(), () -> "unexpected errors: " + response);
        return response.get("data");
    }

    /** A sealed round of the collector towards the treatment plant D of the workflows, with an eco-organisme or not. */
    private String sealedRound(boolean withEcoOrganisme) {
        ObjectNode input = EventCodec.mapper().createObjectNode();
        input.putObject("emitter").put("type", "APPENDIX1").set("company", company(collectorSiret));
        ObjectNode recipient = input.putObject("recipient").put("processingOperation", "D 10");
        recipient.set("company", company(WorkflowActors.values().get("D.siret").asText()));
        input.putObject("transporter").set("company", company(collectorSiret));
        ObjectNode waste = input.putObject("wasteDetails").put("code", "13 05 02*").put("name", "Huiles")
                .put("isSubjectToADR", false);
        waste.putArray("consistences").add("LIQUID");
        if (withEcoOrganisme) {
            input.putObject("ecoOrganisme").put("name", WorkflowActors.values().get("EO.name").asText())
                    .put("siret", WorkflowActors.values().get("EO.siret").asText());
        }
        String round = ok(collector, "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id } }",
                Map.of("input", input)).at("/createForm/id").asText();
        ok(collector, "mutation($id: ID!) { markAsSealed(id: $id) { status } }", Map.of("id", round));
        return round;
    }

    /** Attaches a new item of {@code producerSiret} to the round (which seals it); returns the item's id. */
    private String item(String round, String producerSiret, double quantity) {
        ObjectNode input = EventCodec.mapper().createObjectNode();
        input.putObject("emitter").put("type", "APPENDIX1_PRODUCER").set("company", company(producerSiret));
        ObjectNode waste = input.putObject("wasteDetails").put("quantity", quantity);
        waste.putArray("packagingInfos").addObject().put("type", "CITERNE").put("quantity", 1);
        String item = ok(collector, "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id } }",
                Map.of("input", input)).at("/createForm/id").asText();
        JsonNode grouping = ok(collector, "query($id: ID!) { form(id: $id) { grouping { form { id } } } }",
                Map.of("id", round)).at("/form/grouping");
        ObjectNode update = EventCodec.mapper().createObjectNode().put("id", round);
        update.putArray("grouping").addAll(grouping.isArray() ? (com.fasterxml.jackson.databind.node.ArrayNode) grouping
                : EventCodec.mapper().createArrayNode()).addObject().putObject("form").put("id", item);
        ok(collector, "mutation($input: UpdateFormInput!) { updateForm(updateFormInput: $input) { id } }",
                Map.of("input", update));
        assertEquals("SEALED", ok(collector, "query($id: ID!) { form(id: $id) { status } }", Map.of("id", item))
                .at("/form/status").asText());
        return item;
    }

    private JsonNode signTransport(String user, String item) {
        Map<String, Object> transport = Map.of("takenOverAt", TAKEN_OVER_AT, "takenOverBy", "Claire",
                "transporterNumberPlate", "AA-123-BB", "transporterTransportMode", "ROAD");
        return WorkflowActors.call(user, """
                mutation($id: ID!, $input: SignTransportFormInput!) {
                  signTransportForm(id: $id, input: $input) { status emittedBy emittedAt takenOverAt }
                }""", EventCodec.mapper().valueToTree(Map.of("id", item, "input", transport)));
    }

    private static void assertTakenOverWithAutomaticSignature(JsonNode response) {
        assertTrue(response.path("errors").isMissingNode(), () -> "unexpected errors: " + response);
        JsonNode form = response.at("/data/signTransportForm");
        assertEquals("SENT", form.get("status").asText());
        assertEquals(BsddSigning.AUTO_SIGNATURE_APPENDIX1, form.get("emittedBy").asText());
        assertEquals(Instant.parse(TAKEN_OVER_AT), Instant.parse(form.get("emittedAt").asText()));
    }

    private static void assertRefusedUntilTheProducerSigns(JsonNode response) {
        assertEquals("BAD_USER_INPUT", response.at("/errors/0/extensions/code").asText(), response::toString);
        assertTrue(response.at("/errors/0/message").asText().contains("signEmissionForm"), response::toString);
    }

    private void assertRoundSent(String round, double quantity) {
        JsonNode form = ok(collector, "query($id: ID!) { form(id: $id) { status takenOverAt wasteDetails { quantity } } }",
                Map.of("id", round)).get("form");
        assertEquals("SENT", form.get("status").asText());
        assertEquals(Instant.parse(TAKEN_OVER_AT), Instant.parse(form.get("takenOverAt").asText()));
        assertEquals(quantity, form.at("/wasteDetails/quantity").asDouble());
    }

    @Test
    void withAnEcoOrganismeTheItemOfAnUnregisteredProducerIsTakenOverDirectly() {
        String round = sealedRound(true);
        String item = item(round, newSiret(), 1.5);

        assertTakenOverWithAutomaticSignature(signTransport(collector, item));
        assertRoundSent(round, 1.5);
    }

    @Test
    void aProducerThatGrantedTheTransporterAnAutomationIsSignedForUntilItRemovesIt() {
        String producer = "sa-p-" + UUID.randomUUID().toString().substring(0, 8);
        String producerSiret = newSiret();
        publish(producer, producerSiret, List.of("PRODUCER"), true, List.of(collectorSiret));
        String round = sealedRound(false);

        String first = item(round, producerSiret, 2);
        assertTakenOverWithAutomaticSignature(signTransport(collector, first));
        assertRoundSent(round, 2);

        publish(producer, producerSiret, List.of("PRODUCER"), 2, true, List.of());
        String second = item(round, producerSiret, 1);
        assertRefusedUntilTheProducerSigns(signTransport(collector, second));
        JsonNode waiting = ok(collector, "query($id: ID!) { form(id: $id) { status emittedBy } }", Map.of("id", second))
                .get("form");
        assertEquals("SEALED", waiting.get("status").asText());
        assertTrue(waiting.get("emittedBy").isNull());
    }

    @Test
    void anAutomationGrantedToAnotherTransporterDoesNotLetThisOneSign() {
        String otherTransporter = newSiret();
        publish("sa-t-" + UUID.randomUUID().toString().substring(0, 8), otherTransporter, List.of("TRANSPORTER"), false,
                List.of());
        String producer = "sa-p-" + UUID.randomUUID().toString().substring(0, 8);
        String producerSiret = newSiret();
        publish(producer, producerSiret, List.of("PRODUCER"), true, List.of(otherTransporter));
        String round = sealedRound(false);
        String item = item(round, producerSiret, 1);

        assertRefusedUntilTheProducerSigns(signTransport(collector, item));

        ok(producer, """
                mutation($id: ID!, $input: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $input) { status } }""",
                Map.of("id", item, "input", Map.of("emittedAt", TAKEN_OVER_AT, "emittedBy", "Paul", "quantity", 1)));
        JsonNode signed = signTransport(collector, item);
        assertTrue(signed.path("errors").isMissingNode(), signed::toString);
        assertEquals("Paul", signed.at("/data/signTransportForm/emittedBy").asText());
    }
}
