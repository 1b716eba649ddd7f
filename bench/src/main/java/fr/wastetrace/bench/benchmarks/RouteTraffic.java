package fr.wastetrace.bench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.bench.core.GraphqlClient;
import fr.wastetrace.bench.data.DemoAccount;
import fr.wastetrace.bench.data.DirectRoute;
import fr.wastetrace.bench.data.ReferenceData;
import fr.wastetrace.bench.stack.BenchStack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Drives forms along the direct route through the gateway, one mutation at a time per form, asynchronously. */
final class RouteTraffic {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A form on its way: its id once created, its waste, the index of its next step. */
    static final class Form {
        final DirectRoute.Waste waste;
        String id;
        int next;

        Form(DirectRoute.Waste waste) {
            this.waste = waste;
        }

        boolean done() {
            return next >= DirectRoute.STEPS.size();
        }
    }

    /**
     * The answer to one mutation: the step, when it was sent and answered (nanoTime), and the form's version it
     * committed (the creation commits version 1, each later step one more).
     */
    record Completion(Form form, int step, long sentNanos, long doneNanos, String error) {
        boolean ok() {
            return error == null;
        }

        long micros() {
            return Math.max(1, (doneNanos - sentNanos) / 1000);
        }

        long version() {
            return step + 1L;
        }
    }

    private final GraphqlClient client;
    private final String gatewayUrl;
    private final DirectRoute route;
    private final Map<DemoAccount, String> tokens = new HashMap<>();

    RouteTraffic(BenchStack stack, GraphqlClient client) {
        this.client = client;
        this.gatewayUrl = stack.gatewayUrl();
        this.route = new DirectRoute(ReferenceData.load(stack.root()));
        for (DemoAccount account : List.of(DemoAccount.PRODUCER, DemoAccount.TRANSPORTER, DemoAccount.DESTINATION)) {
            tokens.put(account, account.token());
        }
    }

    Form newForm() {
        return new Form(route.drawWaste());
    }

    /** Sends the form's next step; on success the form moves on (and learns its id when created). */
    CompletableFuture<Completion> send(Form form) {
        int step = form.next;
        DirectRoute.Step definition = DirectRoute.STEPS.get(step);
        long sent = System.nanoTime();
        return client.http().sendAsync(GraphqlClient.gateway(gatewayUrl, tokens.get(definition.actor()), definition.query(),
                        route.variables(step, form.id, form.waste)), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    long done = System.nanoTime();
                    if (failure != null) {
                        return new Completion(form, step, sent, done, failure.toString());
                    }
                    if (!GraphqlClient.succeeded(response)) {
                        return new Completion(form, step, sent, done, definition.name() + ": HTTP " + response.statusCode() + " "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    if (step == 0) {
                        form.id = createdId(response.body());
                    }
                    form.next++;
                    return new Completion(form, step, sent, done, null);
                });
    }

    /** Drives one new form from creation to {@code PROCESSED}; returns it. */
    Form driveOne() throws Exception {
        Form form = newForm();
        while (!form.done()) {
            Completion completion = send(form).get(60, TimeUnit.SECONDS);
            if (!completion.ok()) {
                throw new IllegalStateException("could not drive a form along the direct route: " + completion.error());
            }
        }
        return form;
    }

    private static String createdId(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.path("data").path("createForm").path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("createForm answered no JSON", e);
        }
    }
}
