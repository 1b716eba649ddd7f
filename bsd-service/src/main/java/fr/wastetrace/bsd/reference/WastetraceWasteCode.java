package fr.wastetrace.bsd.reference;

import fr.wastetrace.bsd.core.search.BsdType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("WastetraceWasteCode")
@Description("Un code déchet de la liste européenne (décision 2000/532/CE), tel que la validation le vérifie.")
public record WastetraceWasteCode(
        @NonNull @Description("Le code, avec ses espaces et l'astérisque des déchets dangereux, par exemple 17 06 05*.")
        String code,
        @NonNull @Description("Le libellé de la liste.") String label,
        @NonNull @Name("isDangerous") @Description("Déchet dangereux : le code se termine par un astérisque. Les "
                + "polluants organiques persistants (POP) ne sont pas une propriété du code : chaque bordereau les "
                + "déclare (wasteDetails.pop, waste.pop).") Boolean isDangerous,
        @NonNull @Description("Les types de bordereau qui acceptent ce code.") List<@NonNull BsdType> bsdTypes) {

    static WastetraceWasteCode of(ReferenceData.WasteCode w) {
        return new WastetraceWasteCode(w.code(), w.label(), w.dangerous(), List.copyOf(w.bsdTypes()));
    }
}
