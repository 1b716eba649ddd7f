package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A cadastral parcel (soils and sediments). */
@Type("ParcelNumber")
public class ParcelNumber {
    @NonNull
    public String city;
    public String postalCode;
    public String number;
    public String prefix;
    public String section;
    public String inseeCode;
    public Double x;
    public Double y;
}
