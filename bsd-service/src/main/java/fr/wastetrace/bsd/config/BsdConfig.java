package fr.wastetrace.bsd.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * bsd-service's settings ({@code wastetrace.bsd.*}, values and reasons in application.properties). The {@code forms}
 * subscription's are {@code wastetrace.bsd.subscriptions.*} (its own mapping, beside the subscription).
 */
@ConfigMapping(prefix = "wastetrace.bsd")
public interface BsdConfig {
    /** Download links of the service's files. */
    Download download();

    Search search();

    /** The company read model: its consumer of company events. */
    CompanyEvents companyEvents();

    SecurityCode securityCode();

    interface Download {
        /** Public address of the gateway, which serves {@code GET /download?token=...} and {@code GET /road-control/...}. */
        String publicUrl();

        /** Lifetime of a download link. */
        @WithDefault("10s")
        Duration ttl();

        /** Lifetime of a road-control link ({@code createPdfAccessToken}), which may be opened any number of times. */
        @WithDefault("30m")
        Duration roadControlTtl();
    }

    interface Search {
        Backfill backfill();

        /** Indexing of the BSDs missing from {@code bsd_search} (docs/operations.md, « Search index backfill »). */
        interface Backfill {
            /** Whether the backfill runs at start-up. */
            @WithDefault("true")
            boolean enabled();

            /** How many ids are read per query. */
            @WithDefault("500")
            int batchSize();
        }
    }

    interface CompanyEvents {
        /** Start the consumer with the service. */
        @WithDefault("true")
        boolean enabled();

        String topic();

        String group();
    }

    interface SecurityCode {
        /** How long a company's security code is refused after too many wrong tries. */
        @WithDefault("10s")
        Duration lock();
    }
}
