package fr.wastetrace.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Where spans go ({@code wastetrace.tracing.*}; defaults in this library's microprofile-config.properties). */
@ConfigMapping(prefix = "wastetrace.tracing")
public interface TracingConfig {
    /** An OpenTelemetry collector's OTLP/HTTP address ({@code OTEL_EXPORTER_OTLP_ENDPOINT}); none: no export. */
    Optional<String> otlpEndpoint();

    /** Every span logged as one JSON line ({@code TRACES_LOG}; on by default on the local stack). */
    @WithDefault("false")
    boolean logSpans();
}
