package fr.wastetrace.bsd.core.pdf;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** {@code createPdfAccessToken}: the BSD to show at a roadside check. */
@Input("CreatePdfAccessTokenInput")
public class CreatePdfAccessTokenInput {
    @NonNull
    @Id
    public String bsdId;
}
