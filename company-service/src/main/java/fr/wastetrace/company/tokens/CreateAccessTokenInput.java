package fr.wastetrace.company.tokens;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Input("CreateAccessTokenInput")
public class CreateAccessTokenInput {
    @NonNull
    public String description;
    @Description("Au-delà de cet instant, le jeton est refusé (au plus un an après sa création). Sans valeur, il "
            + "n'expire pas.")
    public OffsetDateTime wastetraceExpiresAt;
    @Description("Restreint le jeton : lecture seule, et/ou seulement certains de vos établissements. Sans valeur, le "
            + "jeton agit comme vous.")
    public WastetraceAccessTokenScopeInput wastetraceScope;
}
