package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.bsdd.model.Consistence;
import fr.wastetrace.bsd.bsdd.model.Packagings;
import fr.wastetrace.bsd.common.QuantityType;
import org.eclipse.microprofile.graphql.NonNull;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** Frames 3 to 6. */
@Input("WasteDetailsInput")
public class WasteDetailsInput {
    public String code;
    public String name;
    public Boolean isDangerous;
    public Boolean pop;
    public Boolean isSubjectToADR;
    public String onuCode;
    public String nonRoadRegulationMention;
    public List<@NonNull PackagingInfoInput> packagingInfos;
    public List<Packagings> packagings;
    public String otherPackaging;
    public Integer numberOfPackages;
    public Double quantity;
    public QuantityType quantityType;
    public List<@NonNull Consistence> consistences;
    public List<@NonNull ParcelNumberInput> parcelNumbers;
    public List<@NonNull String> analysisReferences;
    public List<@NonNull String> landIdentifiers;
    public String sampleNumber;
}
