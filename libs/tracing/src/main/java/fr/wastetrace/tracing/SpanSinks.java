package fr.wastetrace.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Where this service's spans go (Quarkus adds every {@link SpanProcessor} bean to the tracer provider):
 * <ul>
 *   <li>an OpenTelemetry collector, over OTLP/HTTP (protobuf), when {@code wastetrace.tracing.otlp-endpoint}
 *   ({@code OTEL_EXPORTER_OTLP_ENDPOINT}) is set, e.g. {@code http://otel-collector:4318}, in batches;</li>
 *   <li>the span log ({@link SpanLog}) when {@code wastetrace.tracing.log-spans} ({@code TRACES_LOG}) is true: the
 *   local stack, whose end-to-end test follows a trace through the services' span logs;</li>
 *   <li>nowhere otherwise: trace ids are still made, propagated and written in the logs, and no export is attempted
 *   (so no export error is ever logged when no collector is configured).</li>
 * </ul>
 */
@Singleton
public class SpanSinks implements SpanProcessor {
    private static final Logger LOG = Logger.getLogger(SpanSinks.class);

    private final List<SpanProcessor> sinks = new ArrayList<>();

    public SpanSinks(TracingConfig config) {
        config.otlpEndpoint().map(String::trim).filter(e -> !e.isEmpty()).ifPresent(endpoint -> {
            String traces = endpoint.endsWith("/v1/traces") ? endpoint
                    : (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint) + "/v1/traces";
            sinks.add(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(traces).build()).build());
            LOG.infof("traces exported over OTLP/HTTP to %s", traces);
        });
        if (config.logSpans()) {
            sinks.add(SimpleSpanProcessor.create(new SpanLog()));
        }
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (SpanProcessor sink : sinks) {
            sink.onStart(parentContext, span);
        }
    }

    @Override
    public boolean isStartRequired() {
        return sinks.stream().anyMatch(SpanProcessor::isStartRequired);
    }

    @Override
    public void onEnd(ReadableSpan span) {
        for (SpanProcessor sink : sinks) {
            sink.onEnd(span);
        }
    }

    @Override
    public boolean isEndRequired() {
        return !sinks.isEmpty();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofAll(sinks.stream().map(SpanProcessor::shutdown).toList());
    }

    @Override
    public CompletableResultCode forceFlush() {
        return CompletableResultCode.ofAll(sinks.stream().map(SpanProcessor::forceFlush).toList());
    }
}
