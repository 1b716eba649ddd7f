package fr.wastetrace.bsd.core.action;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** One action on a BSD and whether the caller may do it now. */
@Type("WastetraceAction")
@Description("Extension wastetrace : une action sur le bordereau : permise maintenant à l'appelant, ou la raison du "
        + "refus.")
public class WastetraceAction {
    public boolean allowed;
    @Description("Pourquoi l'action n'est pas permise (absent si elle l'est).")
    public String reason;

    public static WastetraceAction allowed() {
        WastetraceAction a = new WastetraceAction();
        a.allowed = true;
        return a;
    }

    public static WastetraceAction refused(String reason) {
        WastetraceAction a = new WastetraceAction();
        a.reason = reason;
        return a;
    }
}
