package fr.wastetrace.bsd.core.pdf;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Download links of bsd-service's files ({@code wastetrace.bsd.download.*} in application.properties). */
@ConfigMapping(prefix = "wastetrace.bsd.download")
public interface DownloadConfig {
    /** Public address of the gateway, which serves {@code GET /download?token=...} and {@code GET /road-control/...}. */
    String publicUrl();

    /** Lifetime of a download link. */
    @WithDefault("10s")
    Duration ttl();

    /** Lifetime of a road-control link ({@code createPdfAccessToken}), which may be opened any number of times. */
    @WithDefault("30m")
    Duration roadControlTtl();
}
