package fr.wastetrace.bench.core;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTextTest {
    private static final String TEXT = """
            # HELP http_server_requests_seconds
            # TYPE http_server_requests_seconds summary
            http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="200",uri="/graphql"} 41.0
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/q/health/ready"} 7.0
            http_server_requests_seconds_count{method="POST",outcome="CLIENT_ERROR",status="401",uri="/graphql"} 2.0
            wastetrace_gateway_subgraph_requests_total{subgraph="bsd"} 12.0
            wastetrace_gateway_subgraph_requests_total{subgraph="company"} 3.0
            jvm_threads_live_threads 33.0
            odd_metric{label="a \\"quoted\\" value, with a comma"} 1.5
            """;

    @Test
    void sumsTheSamplesWhoseLabelsMatch() {
        PrometheusText metrics = PrometheusText.parse(TEXT);

        assertEquals(43.0, metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/graphql")).orElseThrow());
        assertEquals(15.0, metrics.sum("wastetrace_gateway_subgraph_requests_total", Map.of()).orElseThrow());
        assertEquals(33.0, metrics.sum("jvm_threads_live_threads", Map.of()).orElseThrow());
    }

    @Test
    void anAbsentMetricIsEmptyNotZero() {
        assertTrue(PrometheusText.parse(TEXT).sum("wastetrace_missing_total", Map.of()).isEmpty());
        assertTrue(PrometheusText.parse(TEXT).sum("http_server_requests_seconds_count", Map.of("uri", "/nowhere")).isEmpty());
    }

    @Test
    void readsQuotedLabelValues() {
        var sample = PrometheusText.parse(TEXT).samples("odd_metric").get(0);

        assertEquals("a \"quoted\" value, with a comma", sample.labels().get("label"));
        assertEquals(1.5, sample.value());
    }
}
