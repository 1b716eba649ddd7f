package fr.wastetrace.company.reference;

import fr.wastetrace.company.companies.CollectorType;
import fr.wastetrace.company.companies.CompanyType;
import fr.wastetrace.company.companies.WasteProcessorType;
import fr.wastetrace.company.companies.WasteVehiclesType;
import fr.wastetrace.company.reference.CompanyProfileData.Profile;
import fr.wastetrace.company.reference.CompanyProfileData.SubProfile;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The profiles file names every value of the contract's enums, each sub-profile under one profile. */
class CompanyProfileDataTest {

    private static List<String> served(Class<? extends Enum<?>> kind) {
        return CompanyProfileData.profiles().stream().flatMap(p -> p.subProfiles().stream())
                .filter(s -> s.kind().equals(kind.getSimpleName())).map(SubProfile::value).toList();
    }

    private static List<String> values(Class<? extends Enum<?>> kind) {
        return Arrays.stream(kind.getEnumConstants()).map(Enum::name).toList();
    }

    @Test
    void everyProfileAndSubProfileOfTheContractIsServedInItsOrder() {
        assertEquals(Arrays.asList(CompanyType.values()),
                CompanyProfileData.profiles().stream().map(Profile::companyType).toList());
        assertEquals(values(CollectorType.class), served(CollectorType.class));
        assertEquals(values(WasteProcessorType.class), served(WasteProcessorType.class));
        assertEquals(values(WasteVehiclesType.class), served(WasteVehiclesType.class));
        assertEquals(15, CompanyProfileData.profiles().stream().mapToInt(p -> p.subProfiles().size()).sum());
    }

    @Test
    void eachKindOfSubProfileBelongsToOneProfile() {
        assertEquals(CompanyType.COLLECTOR, CompanyProfileData.profileOf(CollectorType.class));
        assertEquals(CompanyType.WASTEPROCESSOR, CompanyProfileData.profileOf(WasteProcessorType.class));
        assertEquals(CompanyType.WASTE_VEHICLES, CompanyProfileData.profileOf(WasteVehiclesType.class));
    }
}
