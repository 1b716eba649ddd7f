package fr.wastetrace.bsd.reference;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WastetraceAdrClass")
@Description("Une classe de marchandises dangereuses de l'ADR, ou une division de la classe 1 ou 2.")
public record WastetraceAdrClass(
        @NonNull @Description("La classe ou la division, par exemple 3, 1.4 ou 6.1.") String code,
        @NonNull @Description("Le numéro de la classe (1 à 9).") Integer adrClass,
        @NonNull @Description("Le libellé.") String label) {

    static WastetraceAdrClass of(ReferenceData.AdrClass a) {
        return new WastetraceAdrClass(a.code(), a.adrClass(), a.label());
    }
}
