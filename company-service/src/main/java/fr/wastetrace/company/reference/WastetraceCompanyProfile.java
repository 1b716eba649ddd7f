package fr.wastetrace.company.reference;

import fr.wastetrace.company.companies.CompanyType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("WastetraceCompanyProfile")
@Description("Un profil d'établissement (CompanyType), son libellé et ses sous-profils.")
public class WastetraceCompanyProfile {
    @NonNull
    @Description("Le profil.")
    public CompanyType companyType;
    @NonNull
    @Description("Le libellé.")
    public String label;
    @NonNull
    @Description("Les sous-profils qui ne se renseignent que sur un établissement ayant ce profil (vide s'il n'en a pas).")
    public List<@NonNull WastetraceCompanySubProfile> subProfiles;

    static WastetraceCompanyProfile of(CompanyProfileData.Profile p) {
        WastetraceCompanyProfile view = new WastetraceCompanyProfile();
        view.companyType = p.companyType();
        view.label = p.label();
        view.subProfiles = p.subProfiles().stream().map(WastetraceCompanySubProfile::of).toList();
        return view;
    }
}
