package fr.wastetrace.identity;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** The identity headers' keys and this service's audience ({@code wastetrace.identity.*}; docs/operations.md, « Secrets »). */
@ConfigMapping(prefix = "wastetrace.identity")
public interface IdentityConfig {
    /** The key of the identity headers, shared by the gateway and the services; no default outside the local stack. */
    String secret();

    /** Other keys accepted during a rotation (the next or the previous one). */
    Optional<List<String>> acceptedSecrets();

    /** This service's name: headers made for another service are refused (every service but the gateway sets it). */
    Optional<String> audience();
}
