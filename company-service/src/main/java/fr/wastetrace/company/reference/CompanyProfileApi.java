package fr.wastetrace.company.reference;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/** The company profiles and sub-profiles by query ({@code wastetraceCompanyProfiles}, issue #25 item 7). Public. */
@GraphQLApi
public class CompanyProfileApi {
    private static final List<WastetraceCompanyProfile> PROFILES = CompanyProfileData.profiles().stream()
            .map(WastetraceCompanyProfile::of).toList();

    @Query("wastetraceCompanyProfiles")
    @Description("Les profils d'établissement (CompanyType) dans l'ordre de l'énumération, avec leur libellé et leurs "
            + "sous-profils (CollectorType, WasteProcessorType, WasteVehiclesType), ceux que vérifient createCompany "
            + "et updateCompany. Public.")
    public @NonNull List<@NonNull WastetraceCompanyProfile> wastetraceCompanyProfiles() {
        return PROFILES;
    }
}
