package fr.wastetrace.company.config;

import fr.wastetrace.resilience.CallPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * company-service's own settings ({@code wastetrace.company.*}, values and reasons in application.properties). The
 * Keycloak realm and client are {@link fr.wastetrace.company.keycloak.KeycloakConfig}, webhook settings
 * {@link fr.wastetrace.company.webhook.WebhookConfig}, identity headers {@link fr.wastetrace.identity.IdentityConfig}.
 */
@ConfigMapping(prefix = "wastetrace.company")
public interface CompanyConfig {
    /** New companies are VERIFIED (no verification process exists yet); false: TO_BE_VERIFIED. */
    @WithDefault("true")
    boolean verifiedOnCreation();

    Signup signup();

    /** The operator's list of eco-organismes (format: docs/operations.md); none: only the demo data's, if any. */
    Optional<String> ecoOrganismesFile();

    /** Demo accounts, companies and eco-organismes (local stack and sandboxes only). */
    @WithDefault("false")
    boolean demoData();

    AnonymousCompany anonymousCompany();

    Download download();

    AccessTokens accessTokens();

    /** Calls to Keycloak's admin API (account look-ups are retried, creations and deletions never). */
    CallPolicy keycloakCalls();

    /** Calls to webhook-service's internal endpoints (the attempts are retried, a ping never). */
    CallPolicy webhookServiceCalls();

    interface Signup {
        /** true: a new account is usable at once; false: its e-mail must be verified first. */
        @WithDefault("false")
        boolean activateImmediately();
    }

    /** Requests to create a company from an INSEE notice (createAnonymousCompanyFromPDF), per user. */
    interface AnonymousCompany {
        @WithDefault("10")
        int noticesPerUser();

        @WithDefault("24h")
        Duration noticesWindow();
    }

    /** Single-use links to the exports, served through the gateway's {@code /download}. */
    interface Download {
        /** Public address of the gateway. */
        String publicUrl();

        /** Lifetime of a link. */
        Duration ttl();
    }

    interface AccessTokens {
        /** Personal access tokens are stored as HMAC-SHA256 under this secret (changing it invalidates every token). */
        String hashSecret();
    }
}
