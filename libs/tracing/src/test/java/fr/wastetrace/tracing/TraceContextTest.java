package fr.wastetrace.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class TraceContextTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aSpanContextTravelsAsTraceparentThroughKafkaHeaders() {
        SpanContext context = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
        String traceParent = TraceContext.traceParent(context);
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", traceParent);

        RecordHeaders headers = new RecordHeaders();
        KafkaTraceHeaders.inject(headers, traceParent);
        assertEquals(traceParent, KafkaTraceHeaders.traceParent(headers));

        SpanContext parent = Span.fromContext(TraceContext.parent(KafkaTraceHeaders.traceParent(headers))).getSpanContext();
        assertEquals(TRACE, parent.getTraceId());
        assertEquals(SPAN, parent.getSpanId());
        assertEquals(true, parent.isRemote());
    }

    @Test
    void nothingIsInventedWithoutATrace() {
        assertNull(TraceContext.traceParent(SpanContext.getInvalid()));
        RecordHeaders headers = new RecordHeaders();
        KafkaTraceHeaders.inject(headers, null);
        assertNull(KafkaTraceHeaders.traceParent(headers));
        assertEquals(Context.root(), TraceContext.parent(null));
        assertFalse(Span.fromContext(TraceContext.parent("not-a-traceparent")).getSpanContext().isValid());
    }
}
