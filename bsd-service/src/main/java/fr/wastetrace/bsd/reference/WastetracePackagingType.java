package fr.wastetrace.bsd.reference;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WastetracePackagingType")
@Description("Un type de conditionnement d'un type de bordereau (une valeur de son énumération).")
public class WastetracePackagingType {
    @NonNull
    @Description("La valeur de l'énumération du type de bordereau, par exemple FUT (BSDD) ou BIG_BAG (BSDA).")
    public String type;
    @NonNull
    @Description("Le libellé.")
    public String label;
    @Description("Le nombre maximal de contenants de ce type sur une ligne ; null : pas de limite.")
    public Integer maxQuantity;
    @NonNull
    @Description("true si ce type ne peut pas être mélangé avec un autre sur le même bordereau.")
    public Boolean exclusive;

    static WastetracePackagingType of(ReferenceData.PackagingType p) {
        WastetracePackagingType view = new WastetracePackagingType();
        view.type = p.type();
        view.label = p.label();
        view.maxQuantity = p.maxQuantity();
        view.exclusive = p.exclusive();
        return view;
    }
}
