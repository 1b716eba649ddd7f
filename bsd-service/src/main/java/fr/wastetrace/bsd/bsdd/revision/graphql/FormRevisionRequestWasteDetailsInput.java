package fr.wastetrace.bsd.bsdd.revision.graphql;

import fr.wastetrace.bsd.bsdd.graphql.PackagingInfoInput;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Waste fields a revision may change. */
@Input("FormRevisionRequestWasteDetailsInput")
public class FormRevisionRequestWasteDetailsInput {
    public String code;
    public String name;
    public Boolean pop;
    public List<@NonNull PackagingInfoInput> packagingInfos;
    public String sampleNumber;
    public Double quantity;
}
