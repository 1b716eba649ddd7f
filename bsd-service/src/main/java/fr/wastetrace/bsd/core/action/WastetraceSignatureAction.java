package fr.wastetrace.bsd.core.action;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One signature step of a BSD and whether the caller may sign it now. */
@Type("WastetraceSignatureAction")
@Description("Extension wastetrace : une signature du bordereau : permise maintenant à l'appelant, ou la raison du "
        + "refus.")
public class WastetraceSignatureAction {
    @Description("Le type de signature tel que l'API du type de bordereau le nomme (EMISSION, TRANSPORT… ; pour le "
            + "BSDD, la mutation : signEmissionForm, signTransportForm, markAsReceived…).")
    public @NonNull String signatureType;
    public boolean allowed;
    @Description("Pourquoi la signature n'est pas permise (absent si elle l'est).")
    public String reason;
}
