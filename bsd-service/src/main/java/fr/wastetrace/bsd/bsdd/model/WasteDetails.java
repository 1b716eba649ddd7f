package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.QuantityType;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** Frames 3 to 6: the waste. */
@Type("WasteDetails")
public class WasteDetails {
    public String code;
    public String name;
    @Name("isDangerous")
    public Boolean isDangerous;
    public Boolean pop;
    @Name("isSubjectToADR")
    public Boolean isSubjectToADR;
    public String onuCode;
    public String nonRoadRegulationMention;
    public List<@NonNull PackagingInfo> packagingInfos;
    @Deprecated
    public List<@NonNull Packagings> packagings;
    @Deprecated
    public String otherPackaging;
    @Deprecated
    public Integer numberOfPackages;
    public Double quantity;
    public QuantityType quantityType;
    public List<@NonNull Consistence> consistences;
    public List<@NonNull ParcelNumber> parcelNumbers;
    public List<@NonNull String> analysisReferences;
    public List<@NonNull String> landIdentifiers;
    public String sampleNumber;
}
