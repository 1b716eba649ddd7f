package fr.wastetrace.company.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** A company's webhook setting; its secrets are sealed ({@link WebhookSecrets}). */
@Entity
@Table(name = "webhook_setting")
public class WebhookSettingEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String companyId;
    public String orgId;
    public String endpointUri;
    public String sealedToken;
    public String sealedSigningSecret;
    public boolean activated;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    public long version;

    public static List<WebhookSettingEntity> ofCompany(String companyId) {
        return list("companyId", companyId);
    }

    /** The settings of these companies, newest first (the reference's order). */
    public static List<WebhookSettingEntity> ofCompanies(Collection<String> companyIds) {
        return companyIds.isEmpty() ? List.of()
                : list("companyId in ?1 order by createdAt desc, id desc", companyIds);
    }
}
