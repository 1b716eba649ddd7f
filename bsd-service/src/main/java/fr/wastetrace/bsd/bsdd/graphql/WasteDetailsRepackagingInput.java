package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.common.QuantityType;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Frame 15: the waste as it leaves the temporary storage facility (repackaged or not). */
@Input("WasteDetailsRepackagingInput")
public class WasteDetailsRepackagingInput {
    public String onuCode;
    public String wasteDetailsNonRoadRegulationMention;
    public List<@NonNull PackagingInfoInput> packagingInfos;
    public Double quantity;
    public QuantityType quantityType;
}
