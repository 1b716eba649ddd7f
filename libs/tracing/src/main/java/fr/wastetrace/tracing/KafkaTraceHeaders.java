package fr.wastetrace.tracing;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/** The trace context in a Kafka record's headers: {@code traceparent}, as in HTTP (apart from {@link TraceContext} so
 * that services without Kafka need no Kafka classes). */
public final class KafkaTraceHeaders {
    private KafkaTraceHeaders() {
    }

    /** Adds the {@code traceparent} header (nothing when null). */
    public static void inject(Headers headers, String traceParent) {
        if (traceParent != null) {
            headers.add(TraceContext.HEADER, traceParent.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The {@code traceparent} header of a Kafka record; null when it has none. */
    public static String traceParent(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(TraceContext.HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
}
