package fr.wastetrace.bsd.reference;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WastetracePackagingType")
@Description("Un type de conditionnement d'un type de bordereau (une valeur de son énumération).")
public record WastetracePackagingType(
        @NonNull @Description("La valeur de l'énumération du type de bordereau, par exemple FUT (BSDD) ou BIG_BAG "
                + "(BSDA).") String type,
        @NonNull @Description("Le libellé.") String label,
        @Description("Le nombre maximal de contenants de ce type sur une ligne ; null : pas de limite.")
        Integer maxQuantity,
        @NonNull @Description("true si ce type ne peut pas être mélangé avec un autre sur le même bordereau.")
        Boolean exclusive) {

    static WastetracePackagingType of(ReferenceData.PackagingType p) {
        return new WastetracePackagingType(p.type(), p.label(), p.maxQuantity(), p.exclusive());
    }
}
