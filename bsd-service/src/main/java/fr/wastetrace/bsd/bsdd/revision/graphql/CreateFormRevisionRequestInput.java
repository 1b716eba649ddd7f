package fr.wastetrace.bsd.bsdd.revision.graphql;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A revision request: which BSDD, asked by which of its companies, why, and what it changes. */
@Input("CreateFormRevisionRequestInput")
public class CreateFormRevisionRequestInput {
    @NonNull
    @Id
    public String formId;
    @NonNull
    public String authoringCompanySiret;
    @NonNull
    public String comment;
    @NonNull
    public FormRevisionRequestContentInput content;
}
