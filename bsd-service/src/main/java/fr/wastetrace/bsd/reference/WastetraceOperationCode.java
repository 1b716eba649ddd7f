package fr.wastetrace.bsd.reference;

import fr.wastetrace.graphql.OperationMode;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("WastetraceOperationCode")
@Description("Un code d'opération de traitement (annexes I et II de la directive 2008/98/CE) tel qu'un type de "
        + "bordereau l'accepte.")
public record WastetraceOperationCode(
        @NonNull @Description("Le code, écrit comme le type de bordereau l'attend (par exemple R 1 sur un BSDD, R1 sur "
                + "un BSFF).") String code,
        @NonNull @Description("Le libellé de l'opération.") String label,
        @NonNull @Name("isFinal") @Description("Traitement final : false pour les codes de regroupement, d'entreposage "
                + "ou de reconditionnement (R 12, R 13, D 13, D 14, D 15), après lesquels les registres cherchent le "
                + "traitement final.") Boolean isFinal,
        @NonNull @Description("Les modes de traitement possibles avec ce code (vide : aucun mode ne se renseigne).")
        List<@NonNull OperationMode> modes,
        @NonNull @Description("true si la validation de ce type de bordereau refuse un mode hors de modes ; false si "
                + "elle ne vérifie pas le mode (modes est alors donné à titre indicatif).") Boolean modesChecked) {

    static WastetraceOperationCode of(ReferenceData.OperationCode o) {
        return new WastetraceOperationCode(o.code(), o.operation().label(), o.operation().isFinal(),
                o.modes().stream().sorted().toList(), o.modesChecked());
    }
}
