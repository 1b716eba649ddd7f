package fr.wastetrace.company.directory;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateAnonymousCompanyFromPDFInput")
public class CreateAnonymousCompanyFromPDFInput {
    /** The SIRET the caller expects the notice to be about. */
    @NonNull
    public String siret;
    /** The notice, a PDF encoded in base64. */
    @NonNull
    public String pdf;
}
