package fr.wastetrace.bench.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The BSDD direct route (workflow S1, {@code docs/workflows/bsdd/S01-direct-route.md}) as the benchmarks drive it: the
 * producer creates, seals and signs; the transporter takes the waste over; the treatment plant receives and
 * processes. Each form gets a real waste code, packaging and final processing operation drawn from the reference
 * lists, between the seeded demo companies.
 */
public final class DirectRoute {
    /** One mutation of the route: who sends it, and the document. */
    public record Step(String name, DemoAccount actor, String query) {
    }

    public static final List<Step> STEPS = List.of(
            new Step("createForm", DemoAccount.PRODUCER,
                    "mutation Create($input: CreateFormInput!) { createForm(createFormInput: $input) { id status } }"),
            new Step("markAsSealed", DemoAccount.PRODUCER,
                    "mutation Seal($id: ID!) { markAsSealed(id: $id) { id status } }"),
            new Step("signEmissionForm", DemoAccount.PRODUCER,
                    "mutation Sign($id: ID!, $input: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $input) { id status } }"),
            new Step("signTransportForm", DemoAccount.TRANSPORTER,
                    "mutation Transport($id: ID!, $input: SignTransportFormInput!) { signTransportForm(id: $id, input: $input) { id status } }"),
            new Step("markAsReceived", DemoAccount.DESTINATION,
                    "mutation Receive($id: ID!, $info: ReceivedFormInput!) { markAsReceived(id: $id, receivedInfo: $info) { id status } }"),
            new Step("markAsProcessed", DemoAccount.DESTINATION,
                    "mutation Process($id: ID!, $info: ProcessedFormInput!) { markAsProcessed(id: $id, processedInfo: $info) { id status } }"));

    private static final List<String> CONSISTENCES = List.of("SOLID", "LIQUID", "DOUGHY");
    private static final List<String> PLATES = List.of("AB-123-CD", "GH-456-JK", "LM-789-NP", "QR-012-ST");

    private final ReferenceData reference;

    public DirectRoute(ReferenceData reference) {
        this.reference = reference;
    }

    /** The waste of one form, drawn at random, kept for every step of that form. */
    public record Waste(ReferenceData.WasteCode code, ReferenceData.Operation operation, String packaging, int packages,
                        double tonnes, String consistence) {
    }

    public Waste drawWaste() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String packaging = reference.packagings().get(random.nextInt(reference.packagings().size()));
        boolean bulk = packaging.equals("CITERNE") || packaging.equals("BENNE");
        double tonnes = Math.round((0.2 + random.nextDouble() * (bulk ? 25 : 4)) * 1000) / 1000.0;
        return new Waste(reference.wasteCodes().get(random.nextInt(reference.wasteCodes().size())),
                reference.finalOperations().get(random.nextInt(reference.finalOperations().size())),
                packaging, bulk ? 1 : 1 + random.nextInt(20), tonnes, CONSISTENCES.get(random.nextInt(CONSISTENCES.size())));
    }

    /** The variables of step {@code index} for the form {@code formId} (null for the creation). */
    public Map<String, Object> variables(int index, String formId, Waste waste) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return switch (index) {
            case 0 -> Map.of("input", createInput(waste));
            case 1 -> Map.of("id", formId);
            case 2 -> Map.of("id", formId, "input", Map.of("quantity", waste.tonnes(), "emittedAt", now,
                    "emittedBy", DemoAccount.PRODUCER.contact()));
            case 3 -> Map.of("id", formId, "input", Map.of("takenOverAt", now, "takenOverBy", DemoAccount.TRANSPORTER.contact(),
                    "transporterNumberPlate", PLATES.get(Math.floorMod(formId.hashCode(), PLATES.size())),
                    "transporterTransportMode", "ROAD"));
            case 4 -> Map.of("id", formId, "info", Map.of("wasteAcceptationStatus", "ACCEPTED",
                    "receivedBy", DemoAccount.DESTINATION.contact(), "receivedAt", now, "signedAt", now,
                    "quantityReceived", waste.tonnes(), "quantityRefused", 0));
            case 5 -> Map.of("id", formId, "info", processedInfo(waste, now));
            default -> throw new IllegalArgumentException("the direct route has " + STEPS.size() + " steps");
        };
    }

    private static Map<String, Object> processedInfo(Waste waste, String now) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("processingOperationDone", waste.operation().code());
        if (!waste.operation().modes().isEmpty()) {
            info.put("destinationOperationMode", waste.operation().modes().get(0));
        }
        info.put("processedBy", DemoAccount.DESTINATION.contact());
        info.put("processedAt", now);
        return info;
    }

    private static Map<String, Object> createInput(Waste waste) {
        Map<String, Object> wasteDetails = new LinkedHashMap<>();
        wasteDetails.put("code", waste.code().code());
        wasteDetails.put("name", shortName(waste.code().description()));
        wasteDetails.put("isSubjectToADR", false);
        wasteDetails.put("packagingInfos", List.of(Map.of("type", waste.packaging(), "quantity", waste.packages())));
        wasteDetails.put("quantity", waste.tonnes());
        wasteDetails.put("quantityType", "ESTIMATED");
        wasteDetails.put("consistences", List.of(waste.consistence()));
        wasteDetails.put("pop", false);
        return Map.of(
                "emitter", Map.of("type", "PRODUCER", "company", company(DemoAccount.PRODUCER)),
                "recipient", Map.of("processingOperation", waste.operation().code(), "cap", "CAP-2026-" + (1000 + waste.packages()),
                        "company", company(DemoAccount.DESTINATION)),
                "transporter", Map.of("company", company(DemoAccount.TRANSPORTER)),
                "wasteDetails", wasteDetails);
    }

    private static Map<String, Object> company(DemoAccount account) {
        return Map.of("siret", account.siret(), "name", account.companyName(), "address", account.address(),
                "contact", account.contact(), "phone", "0472000000", "mail", account.email());
    }

    private static String shortName(String description) {
        return description.length() <= 60 ? description : description.substring(0, 60);
    }
}
