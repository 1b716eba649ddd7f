package fr.wastetrace.company.reference;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WastetraceCompanySubProfile")
@Description("Un sous-profil d'établissement : une valeur de CollectorType, WasteProcessorType ou WasteVehiclesType.")
public class WastetraceCompanySubProfile {
    @NonNull
    @Description("L'énumération dont c'est une valeur : CollectorType, WasteProcessorType ou WasteVehiclesType.")
    public String kind;
    @NonNull
    @Description("La valeur, par exemple DANGEROUS_WASTES.")
    public String value;
    @NonNull
    @Description("Le libellé.")
    public String label;

    static WastetraceCompanySubProfile of(CompanyProfileData.SubProfile s) {
        WastetraceCompanySubProfile view = new WastetraceCompanySubProfile();
        view.kind = s.kind();
        view.value = s.value();
        view.label = s.label();
        return view;
    }
}
