package fr.wastetrace.bench.core;

import fr.wastetrace.bench.stack.BenchStack;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How many subgraph calls the gateway has made so far: its own counter
 * {@code wastetrace_gateway_subgraph_requests_total} when it exposes one, else the subgraphs' served
 * {@code /graphql} requests ({@code http_server_requests_seconds_count{uri="/graphql"}}) summed.
 */
public final class SubgraphCalls {
    static final String GATEWAY_COUNTER = "wastetrace_gateway_subgraph_requests_total";
    static final List<String> SUBGRAPHS = List.of("bsd-service", "company-service", "registry-service");

    private final Metrics metrics;
    private final BenchStack stack;

    public SubgraphCalls(Metrics metrics, BenchStack stack) {
        this.metrics = metrics;
        this.stack = stack;
    }

    public record Count(double calls, String source) {
    }

    public Count now() {
        OptionalDouble gateway = metrics.scrape(stack.gatewayUrl()).sum(GATEWAY_COUNTER, Map.of());
        if (gateway.isPresent()) {
            return new Count(gateway.getAsDouble(), "gateway counter " + GATEWAY_COUNTER);
        }
        double total = 0;
        for (String subgraph : SUBGRAPHS) {
            total += metrics.scrape(stack.serviceUrl(subgraph))
                    .sum("http_server_requests_seconds_count", Map.of("uri", "/graphql")).orElse(0);
        }
        return new Count(total, "subgraphs' http_server_requests_seconds_count{uri=\"/graphql\"} (the gateway exposes no "
                + GATEWAY_COUNTER + " yet)");
    }
}
