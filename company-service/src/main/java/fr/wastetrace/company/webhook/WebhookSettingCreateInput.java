package fr.wastetrace.company.webhook;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("WebhookSettingCreateInput")
public class WebhookSettingCreateInput {
    /** The company's id (not its SIRET). */
    @NonNull
    public String companyId;
    @NonNull
    public String endpointUri;
    /** Sent as {@code Authorization: Bearer: <token>}; 20 to 100 characters; never readable afterwards. */
    @NonNull
    public String token;
    @NonNull
    public Boolean activated;
}
