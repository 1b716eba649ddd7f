package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Input of {@code addSignatureAutomation}: the ids (not SIRETs) of the two registered companies. */
@Input("SignatureAutomationInput")
public class SignatureAutomationInput {
    /** The company that grants the automation: the producer of the appendix-1 items. */
    @Id
    @NonNull
    public String from;
    /** The company that will take the items over without the producer's signature. */
    @Id
    @NonNull
    public String to;
}
