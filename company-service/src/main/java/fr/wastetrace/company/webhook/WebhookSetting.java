package fr.wastetrace.company.webhook;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** The reference's {@code WebhookSetting}: never its token (write-only). */
@Type("WebhookSetting")
public class WebhookSetting {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String orgId;
    @NonNull
    public String endpointUri;
    @NonNull
    public boolean activated;
    @NonNull
    public OffsetDateTime createdAt;

    static WebhookSetting of(WebhookSettingEntity entity) {
        WebhookSetting view = new WebhookSetting();
        view.id = entity.id;
        view.orgId = entity.orgId;
        view.endpointUri = entity.endpointUri;
        view.activated = entity.activated;
        view.createdAt = entity.createdAt;
        return view;
    }
}
