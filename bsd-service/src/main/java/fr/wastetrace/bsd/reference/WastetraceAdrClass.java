package fr.wastetrace.bsd.reference;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WastetraceAdrClass")
@Description("Une classe de marchandises dangereuses de l'ADR, ou une division de la classe 1 ou 2.")
public class WastetraceAdrClass {
    @NonNull
    @Description("La classe ou la division, par exemple 3, 1.4 ou 6.1.")
    public String code;
    @NonNull
    @Description("Le numéro de la classe (1 à 9).")
    public Integer adrClass;
    @NonNull
    @Description("Le libellé.")
    public String label;

    static WastetraceAdrClass of(ReferenceData.AdrClass a) {
        WastetraceAdrClass view = new WastetraceAdrClass();
        view.code = a.code();
        view.adrClass = a.adrClass();
        view.label = a.label();
        return view;
    }
}
