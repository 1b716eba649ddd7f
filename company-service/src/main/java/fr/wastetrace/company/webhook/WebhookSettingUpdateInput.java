package fr.wastetrace.company.webhook;

import org.eclipse.microprofile.graphql.Input;

/** What may change; the company may not. */
@Input("WebhookSettingUpdateInput")
public class WebhookSettingUpdateInput {
    public String endpointUri;
    public String token;
    public Boolean activated;
}
