package fr.wastetrace.gateway.status;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** The public status page ({@code /status}): what it probes, how often, and where it keeps its samples. */
@ConfigMapping(prefix = "wastetrace.gateway.status")
public interface StatusConfig {
    /** Probes off: the page shows nothing but the gateway (tests that do not care about it). */
    @WithDefault("true")
    boolean enabled();

    /** How often every component is probed: the page's state is at most this old. */
    @WithDefault("15s")
    Duration interval();

    /**
     * One uptime sample per period, for all gateway replicas together (the first replica to probe in a period records
     * it): uptime is the share of the periods of a window in which the component was up.
     */
    @WithDefault("60s")
    Duration samplePeriod();

    /** Longest wait for one probe's answer; a component that does not answer within it is down. */
    @WithDefault("3s")
    Duration probeTimeout();

    /** Prefix of the Redis keys of the samples (a hash tag, so that one script may touch all of them in a cluster). */
    @WithDefault("{wastetrace:status}")
    String redisPrefix();

    /** webhook-service's base URL (its {@code /q/health/ready} is probed). */
    String webhookServiceUrl();

    /**
     * Relay name → base URL of the instance that runs it (its {@code /q/health/ready} carries the {@code outbox-relay}
     * check). Locally the relays run inside bsd-service and company-service; in Kubernetes each is its own pod.
     */
    Map<String, String> relays();

    /** The Keycloak realm's URL (its public realm document is fetched). */
    String keycloakUrl();
}
