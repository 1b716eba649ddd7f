package fr.wastetrace.company.reference;

import fr.wastetrace.company.companies.CompanyType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("WastetraceCompanyProfile")
@Description("Un profil d'établissement (CompanyType), son libellé et ses sous-profils.")
public record WastetraceCompanyProfile(
        @NonNull @Description("Le profil.") CompanyType companyType,
        @NonNull @Description("Le libellé.") String label,
        @NonNull @Description("Les sous-profils qui ne se renseignent que sur un établissement ayant ce profil (vide "
                + "s'il n'en a pas).") List<@NonNull WastetraceCompanySubProfile> subProfiles) {

    static WastetraceCompanyProfile of(CompanyProfileData.Profile p) {
        return new WastetraceCompanyProfile(p.companyType(), p.label(),
                p.subProfiles().stream().map(WastetraceCompanySubProfile::of).toList());
    }
}
