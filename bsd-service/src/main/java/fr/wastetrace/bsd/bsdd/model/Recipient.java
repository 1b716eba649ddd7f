package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.FormCompany;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** Frame 2: the destination of the waste. */
@Type("Recipient")
public class Recipient {
    public String cap;
    public String processingOperation;
    public FormCompany company;
    @Name("isTempStorage")
    public Boolean isTempStorage;
    public List<@NonNull String> parcelInseeCodes;
    public List<@NonNull String> parcelNumbers;
    public List<@NonNull String> parcelCoordinates;
}
