package fr.wastetrace.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jboss.logging.Logger;

import java.util.Collection;

/**
 * Writes each ended span as one JSON line to the logger {@code wastetrace.spans} (its own file in the local stack):
 * {@code {"service":…,"name":…,"kind":…,"traceId":…,"spanId":…,"parentSpanId":…,"durationMicros":…}}. For the local
 * stack and its end-to-end test, not for production (use a collector there).
 */
public final class SpanLog implements SpanExporter {
    public static final String CATEGORY = "wastetrace.spans";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            LOG.info("{\"service\":\"" + json(span.getResource().getAttribute(SERVICE))
                    + "\",\"name\":\"" + json(span.getName())
                    + "\",\"kind\":\"" + span.getKind()
                    + "\",\"traceId\":\"" + span.getTraceId()
                    + "\",\"spanId\":\"" + span.getSpanId()
                    + "\",\"parentSpanId\":\"" + span.getParentSpanId()
                    + "\",\"durationMicros\":" + (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1000 + "}");
        }
        return CompletableResultCode.ofSuccess();
    }

    private static String json(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
