package fr.wastetrace.company.webhook;

import fr.wastetrace.company.Timestamps;
import fr.wastetrace.company.companies.Companies;
import fr.wastetrace.company.companies.CompanyEntity;
import fr.wastetrace.company.members.MembershipEntity;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.company.users.Users;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.events.company.WebhookSettingState;
import fr.wastetrace.outbox.Outbox;
import fr.wastetrace.subgraph.ApiException;
import fr.wastetrace.webhooks.EndpointPolicy;
import fr.wastetrace.webhooks.SecretBox;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook settings, with the reference's rules and messages: ADMINs of the company only, a per-company limit (1 by
 * default), one endpoint once per company, a token of 20 to 100 characters that is never read back, a company that
 * cannot change. The endpoint must pass the {@link EndpointPolicy} (https, public addresses). Every change is
 * published as a company event ({@link WebhookSettingState}) in its transaction; the delivery component keeps its
 * copy from them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookSettings {
    static final int TOKEN_MIN = 20;
    static final int TOKEN_MAX = 100;
    private static final int DEFAULT_LIMIT = 1;

    @Inject
    Companies companies;
    @Inject
    Users users;
    @Inject
    WebhookSecrets secrets;
    @Inject
    Outbox outbox;

    public WebhookSettingEntity create(UserAccountEntity caller, WebhookSettingCreateInput input) {
        checkEndpoint(input.endpointUri);
        checkToken(input.token);
        if (input.companyId == null || input.companyId.isBlank()) {
            throw new ApiException.BadUserInput("L'id de l'établissement est requis");
        }
        CompanyEntity company = companies.lock(input.companyId);
        if (!isAdmin(caller, company.id)) {
            throw new ApiException.BadUserInput(
                    "Vous n'avez pas la permission de gérer les webhooks de cet établissement.");
        }
        List<WebhookSettingEntity> existing = WebhookSettingEntity.ofCompany(company.id);
        if (existing.size() >= limitOf(company.id)) {
            throw new ApiException.BadUserInput("Cet établissement ne peut pas créer davantage de webhooks.");
        }
        if (existing.stream().anyMatch(s -> s.endpointUri.equals(input.endpointUri))) {
            throw new ApiException.BadUserInput("Cet établissement a déjà un webhook avec l'endpoint \""
                    + input.endpointUri + "\"");
        }
        WebhookSettingEntity setting = new WebhookSettingEntity();
        setting.id = UUID.randomUUID().toString();
        setting.companyId = company.id;
        setting.orgId = company.orgId;
        setting.endpointUri = input.endpointUri;
        setting.sealedToken = secrets.box().seal(input.token, setting.id);
        setting.sealedSigningSecret = secrets.box().seal(SecretBox.newSecret(), setting.id);
        setting.activated = Boolean.TRUE.equals(input.activated);
        setting.createdAt = Timestamps.now();
        setting.updatedAt = setting.createdAt;
        setting.persist();
        publish(setting, WebhookSettingState.UPSERTED);
        return setting;
    }

    public WebhookSettingEntity update(UserAccountEntity caller, String id, WebhookSettingUpdateInput input) {
        WebhookSettingEntity setting = editable(caller, id, LockModeType.PESSIMISTIC_WRITE);
        if (input == null || (input.endpointUri == null && input.token == null && input.activated == null)) {
            return setting;
        }
        if (input.endpointUri != null) {
            checkEndpoint(input.endpointUri);
            if (!input.endpointUri.equals(setting.endpointUri) && WebhookSettingEntity.ofCompany(setting.companyId)
                    .stream().anyMatch(s -> s.endpointUri.equals(input.endpointUri))) {
                throw new ApiException.BadUserInput("Cet établissement a déjà un webhook avec l'endpoint \""
                        + input.endpointUri + "\"");
            }
            setting.endpointUri = input.endpointUri;
        }
        if (input.token != null) {
            checkToken(input.token);
            setting.sealedToken = secrets.box().seal(input.token, setting.id);
        }
        if (input.activated != null) {
            setting.activated = input.activated;
        }
        setting.updatedAt = Timestamps.now();
        publish(setting, WebhookSettingState.UPSERTED);
        return setting;
    }

    public WebhookSettingEntity delete(UserAccountEntity caller, String id) {
        WebhookSettingEntity setting = editable(caller, id, LockModeType.PESSIMISTIC_WRITE);
        publish(setting, WebhookSettingState.DELETED);
        setting.delete();
        return setting;
    }

    /** A setting the caller administers, or the reference's refusals. */
    public WebhookSettingEntity editable(UserAccountEntity caller, String id, LockModeType lock) {
        if (id == null || id.isBlank()) {
            throw new ApiException.BadUserInput("L'id doit être fourni pour identifier cet enregistrement.");
        }
        WebhookSettingEntity setting = WebhookSettingEntity.findById(id, lock);
        if (setting == null) {
            throw new ApiException.BadUserInput("Le webhook avec l'identifiant \"" + id + "\" n'existe pas.");
        }
        if (!isAdmin(caller, setting.companyId)) {
            throw new ApiException.BadUserInput("Le webhook avec l'identifiant \"" + id
                    + "\" n'existe pas ou vous n'avez pas les permissions pour y accéder.");
        }
        return setting;
    }

    /** The settings of the companies the caller administers, newest first. */
    public List<WebhookSettingEntity> administeredBy(UserAccountEntity caller) {
        List<String> companyIds = users.memberships(caller).stream()
                .filter(m -> m.role == UserRole.ADMIN).map(m -> m.company.id).toList();
        return WebhookSettingEntity.ofCompanies(companyIds);
    }

    /**
     * The delivery component saw more than 5 failures in 10 minutes on this version of the setting: it is deactivated,
     * unless it changed since (an administrator's change wins). Returns the setting when it was deactivated.
     */
    public Optional<WebhookSettingEntity> deactivateAfterFailures(String id, long seenVersion) {
        WebhookSettingEntity setting = WebhookSettingEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (setting == null || setting.version != seenVersion || !setting.activated) {
            return Optional.empty();
        }
        setting.activated = false;
        setting.updatedAt = Timestamps.now();
        publish(setting, WebhookSettingState.UPSERTED);
        return Optional.of(setting);
    }

    public String signingSecret(WebhookSettingEntity setting) {
        return secrets.box().open(setting.sealedSigningSecret, setting.id);
    }

    private void publish(WebhookSettingEntity setting, String type) {
        setting.version++;
        outbox.publish(type, WebhookSettingState.AGGREGATE_TYPE, setting.id, setting.version,
                WebhookSettingState.SCHEMA_VERSION, new WebhookSettingState(setting.id, setting.companyId,
                        setting.orgId, setting.endpointUri, setting.activated, setting.sealedToken,
                        setting.sealedSigningSecret, setting.createdAt.toInstant()));
    }

    private void checkEndpoint(String endpointUri) {
        if (endpointUri == null || endpointUri.isBlank()) {
            throw new ApiException.BadUserInput("L'url de notification du webhook est requise");
        }
        if (endpointUri.length() > EndpointPolicy.MAX_URI_LENGTH) {
            throw new ApiException.BadUserInput("L'url de notification du webhook ne doit pas dépasser "
                    + EndpointPolicy.MAX_URI_LENGTH + " caractères");
        }
        try {
            secrets.policy().check(endpointUri, EndpointPolicy.Resolver.SYSTEM);
        } catch (EndpointPolicy.Refused e) {
            throw new ApiException.BadUserInput("URL de webhook non sécurisée ou invalide : " + e.getMessage() + ".");
        }
    }

    private static void checkToken(String token) {
        if (token == null || token.length() < TOKEN_MIN || token.length() > TOKEN_MAX) {
            throw new ApiException.BadUserInput("Le token du webhook doit compter de " + TOKEN_MIN + " à " + TOKEN_MAX
                    + " caractères.");
        }
        if (token.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ApiException.BadUserInput("Le token du webhook ne doit pas contenir de caractère de contrôle : "
                    + "il est envoyé dans un en-tête HTTP.");
        }
    }

    /** Whether the caller administers the company, through credentials that may act for it (a scoped token's). */
    private boolean isAdmin(UserAccountEntity caller, String companyId) {
        return MembershipEntity.lookup(caller.id, companyId).filter(m -> users.actsFor(m.company.orgId))
                .map(m -> m.role == UserRole.ADMIN).orElse(false);
    }

    private static int limitOf(String companyId) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select max_settings from company_webhook_limit where company_id = ?1")
                .setParameter(1, companyId).getResultList();
        return rows.isEmpty() ? DEFAULT_LIMIT : ((Number) rows.get(0)).intValue();
    }
}
