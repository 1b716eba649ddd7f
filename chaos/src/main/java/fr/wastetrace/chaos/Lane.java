package fr.wastetrace.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bench.data.ReferenceData;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One lane of the load: drives BSDDs along the direct route (create, seal, sign emission, sign transport, receive,
 * process) at a steady pace, one mutation at a time. A mutation that fails (no answer, an error) is counted, never
 * fatal: the lane asks for the form's status (until it gets an answer) and goes on from there, so a mutation that
 * committed but whose answer was lost is not sent twice. Every answered success is recorded: the end checks look for
 * each of them.
 */
final class Lane implements Runnable {
    /** A mutation the client saw succeed: the form, the step, and the status it answered. */
    record Ack(String formId, String step, String status, Instant at) {
    }

    static final List<String> STEPS = List.of("createForm", "markAsSealed", "signEmissionForm", "signTransportForm",
            "markAsReceived", "markAsProcessed");
    /** The step that comes next for a form in this status (6: the route is done). */
    static int nextStep(String status) {
        return switch (status) {
            case "DRAFT" -> 1;
            case "SEALED" -> 2;
            case "SIGNED_BY_PRODUCER" -> 3;
            case "SENT" -> 4;
            case "RECEIVED", "ACCEPTED" -> 5;
            default -> 6;
        };
    }

    private final Api api;
    private final Accounts accounts;
    private final ReferenceData reference;
    private final Duration pace;
    private final String name;
    private final ConcurrentLinkedQueue<Ack> acks;
    private final AtomicLong errors;
    private final AtomicLong sent;
    private volatile boolean stopping;
    private int formsStarted;

    Lane(String name, Api api, Accounts accounts, ReferenceData reference, Duration pace,
         ConcurrentLinkedQueue<Ack> acks, AtomicLong errors, AtomicLong sent) {
        this.name = name;
        this.api = api;
        this.accounts = accounts;
        this.reference = reference;
        this.pace = pace;
        this.acks = acks;
        this.errors = errors;
        this.sent = sent;
    }

    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        String formId = null;
        int step = 0;
        Map<String, Object> waste = null;
        long next = System.nanoTime();
        while (!stopping) {
            next += pace.toNanos();
            try {
                if (formId == null) {
                    waste = drawWaste();
                    formsStarted++;
                }
                sent.incrementAndGet();
                JsonNode data = api.call(token(step), query(step), variables(step, formId, waste), Duration.ofSeconds(20));
                JsonNode result = data.path(STEPS.get(step));
                if (step == 0) {
                    formId = result.path("id").asText();
                }
                acks.add(new Ack(formId, STEPS.get(step), result.path("status").asText(), Instant.now()));
                step++;
            } catch (Api.ApiFailure failure) {
                errors.incrementAndGet();
                if (formId != null) {
                    step = recoverStep(formId, step);
                }
                // A failed creation is not retried on the same form: whether it committed or not, a new one starts.
            } catch (RuntimeException unexpected) {
                errors.incrementAndGet();
                System.err.println("[chaos] lane " + name + ": " + unexpected);
            }
            if (step >= STEPS.size()) {
                formId = null;
                step = 0;
            }
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                sleepNanos(sleep);
            } else {
                next = System.nanoTime();
            }
        }
    }

    /** Asks for the form's status until it gets one (the service may be down), and returns the step that follows. */
    private int recoverStep(String formId, int failedStep) {
        while (!stopping) {
            try {
                JsonNode form = api.call(accounts.token(accounts.producer), "query($id: ID!) { form(id: $id) { status } }",
                        Map.of("id", formId), Duration.ofSeconds(10));
                return nextStep(form.path("form").path("status").asText());
            } catch (Api.ApiFailure failure) {
                sleepNanos(Duration.ofMillis(500).toNanos());
            }
        }
        return failedStep;
    }

    private String token(int step) {
        return switch (step) {
            case 0, 1, 2 -> accounts.token(accounts.producer);
            case 3 -> accounts.token(accounts.transporter);
            default -> accounts.token(accounts.destination);
        };
    }

    private static String query(int step) {
        return switch (step) {
            case 0 -> "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) { id status } }";
            case 1 -> "mutation($id: ID!) { markAsSealed(id: $id) { id status } }";
            case 2 -> "mutation($id: ID!, $input: SignEmissionFormInput!) { signEmissionForm(id: $id, input: $input) { id status } }";
            case 3 -> "mutation($id: ID!, $input: SignTransportFormInput!) { signTransportForm(id: $id, input: $input) { id status } }";
            case 4 -> "mutation($id: ID!, $info: ReceivedFormInput!) { markAsReceived(id: $id, receivedInfo: $info) { id status } }";
            default -> "mutation($id: ID!, $info: ProcessedFormInput!) { markAsProcessed(id: $id, processedInfo: $info) { id status } }";
        };
    }

    private Map<String, Object> drawWaste() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ReferenceData.WasteCode code = reference.wasteCodes().get(random.nextInt(reference.wasteCodes().size()));
        ReferenceData.Operation operation = reference.finalOperations().get(random.nextInt(reference.finalOperations().size()));
        String packaging = reference.packagings().get(random.nextInt(reference.packagings().size()));
        boolean bulk = packaging.equals("CITERNE") || packaging.equals("BENNE");
        Map<String, Object> waste = new LinkedHashMap<>();
        waste.put("code", code.code());
        waste.put("name", code.description().length() <= 60 ? code.description() : code.description().substring(0, 60));
        waste.put("operation", operation.code());
        waste.put("mode", operation.modes().isEmpty() ? null : operation.modes().get(0));
        waste.put("packaging", packaging);
        waste.put("packages", bulk ? 1 : 1 + random.nextInt(20));
        waste.put("tonnes", Math.round((0.2 + random.nextDouble() * (bulk ? 25 : 4)) * 1000) / 1000.0);
        waste.put("customId", "chaos-" + accounts.run + "-" + name + "-" + formsStarted);
        return waste;
    }

    private Map<String, Object> variables(int step, String formId, Map<String, Object> waste) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return switch (step) {
            case 0 -> Map.of("input", createInput(waste));
            case 1 -> Map.of("id", formId);
            case 2 -> Map.of("id", formId, "input", Map.of("quantity", waste.get("tonnes"), "emittedAt", now,
                    "emittedBy", "Chaos producteur"));
            case 3 -> Map.of("id", formId, "input", Map.of("takenOverAt", now, "takenOverBy", "Chaos transporteur",
                    "transporterNumberPlate", "AB-123-CD", "transporterTransportMode", "ROAD"));
            case 4 -> Map.of("id", formId, "info", Map.of("wasteAcceptationStatus", "ACCEPTED",
                    "receivedBy", "Chaos destination", "receivedAt", now, "signedAt", now,
                    "quantityReceived", waste.get("tonnes"), "quantityRefused", 0));
            default -> {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("processingOperationDone", waste.get("operation"));
                if (waste.get("mode") != null) {
                    info.put("destinationOperationMode", waste.get("mode"));
                }
                info.put("processedBy", "Chaos destination");
                info.put("processedAt", now);
                yield Map.of("id", formId, "info", info);
            }
        };
    }

    private Map<String, Object> createInput(Map<String, Object> waste) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", waste.get("code"));
        details.put("name", waste.get("name"));
        details.put("isSubjectToADR", false);
        details.put("packagingInfos", List.of(Map.of("type", waste.get("packaging"), "quantity", waste.get("packages"))));
        details.put("quantity", waste.get("tonnes"));
        details.put("quantityType", "ESTIMATED");
        details.put("consistences", List.of("SOLID"));
        details.put("pop", false);
        return Map.of(
                "customId", waste.get("customId"),
                "emitter", Map.of("type", "PRODUCER", "company", company(accounts.producer)),
                "recipient", Map.of("processingOperation", waste.get("operation"), "cap", "CAP-CHAOS-1",
                        "company", company(accounts.destination)),
                "transporter", Map.of("company", company(accounts.transporter)),
                "wasteDetails", details);
    }

    private static Map<String, Object> company(Accounts.Actor actor) {
        return Map.of("siret", actor.siret(), "name", actor.name(), "address", "1 rue des Essais 75001 Paris",
                "contact", "Chaos " + actor.role(), "phone", "0601020304", "mail", actor.email());
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
