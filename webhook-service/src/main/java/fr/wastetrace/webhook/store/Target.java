package fr.wastetrace.webhook.store;

import java.time.Instant;

/** This service's copy of one webhook setting, as last published by company-service. */
public record Target(String settingId, String companyId, String orgId, String endpointUri, String sealedToken,
                     String sealedSigningSecret, boolean activated, boolean deleted, long version,
                     Instant failuresCountedSince, Instant deactivationRequestedAt) {

    /** Deliveries go out only to an activated setting that this service did not ask to deactivate. */
    public boolean deliverable() {
        return activated && !deleted && deactivationRequestedAt == null;
    }
}
