package fr.wastetrace.company.reference;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WastetraceCompanySubProfile")
@Description("Un sous-profil d'établissement : une valeur de CollectorType, WasteProcessorType ou WasteVehiclesType.")
public record WastetraceCompanySubProfile(
        @NonNull @Description("L'énumération dont c'est une valeur : CollectorType, WasteProcessorType ou "
                + "WasteVehiclesType.") String kind,
        @NonNull @Description("La valeur, par exemple DANGEROUS_WASTES.") String value,
        @NonNull @Description("Le libellé.") String label) {

    static WastetraceCompanySubProfile of(CompanyProfileData.SubProfile s) {
        return new WastetraceCompanySubProfile(s.kind(), s.value(), s.label());
    }
}
