package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** Waste fields a revision may change. */
@Type("FormRevisionRequestWasteDetails")
public class FormRevisionRequestWasteDetails {
    public String code;
    public String name;
    public Boolean pop;
    public List<@NonNull PackagingInfo> packagingInfos;
    public String sampleNumber;
    public Double quantity;
}
