package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** Emission signature (frame 9); may correct packagings, quantity and ADR data. */
@Input("SignEmissionFormInput")
public class SignEmissionFormInput {
    public List<@NonNull PackagingInfoInput> packagingInfos;
    @NonNull
    public Double quantity;
    public String onuCode;
    public String nonRoadRegulationMention;
    public String transporterNumberPlate;
    @NonNull
    public Instant emittedAt;
    @NonNull
    public String emittedBy;
    public Boolean emittedByEcoOrganisme;
}
