package fr.wastetrace.company.tokens;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateAccessTokenInput")
public class CreateAccessTokenInput {
    @NonNull
    public String description;
}
