package fr.wastetrace.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * The trace context where it travels outside HTTP: a W3C {@code traceparent} string
 * ({@code 00-<trace id>-<span id>-<flags>}), stored with an outbox row and carried in the {@code traceparent} header of
 * the Kafka record of its event, so that what consumers do with an event joins the trace of the request that caused it.
 */
public final class TraceContext {
    /** The W3C header name, also the Kafka header's. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The {@code traceparent} of the current span; null when there is none (no trace, or tracing off). */
    public static String currentTraceParent() {
        return traceParent(Span.current().getSpanContext());
    }

    /** The {@code traceparent} of a span context; null when it is not valid. */
    public static String traceParent(SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The context whose remote parent is {@code traceParent}; the root context when it is null or malformed. */
    public static Context parent(String traceParent) {
        if (traceParent == null || traceParent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, SINGLE);
    }
}
