package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.QuantityType;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The current values of a BSDD, whichever frame holds them. */
@Type("StateSummary")
public class StateSummary {
    public Double quantity;
    public QuantityType quantityType;
    @NonNull
    public List<@NonNull PackagingInfo> packagingInfos = new ArrayList<>();
    @Deprecated
    @NonNull
    public List<@NonNull Packagings> packagings = new ArrayList<>();
    @Name("isSubjectToADR")
    public Boolean isSubjectToADR;
    public String onuCode;
    public String nonRoadRegulationMention;
    public FormCompany transporter;
    public String transporterNumberPlate;
    public String transporterCustomInfo;
    public FormCompany recipient;
    public FormCompany emitter;
    public Instant lastActionOn;
}
