package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Input;

/** A cadastral parcel. */
@Input("ParcelNumberInput")
public class ParcelNumberInput {
    @NonNull
    public String city;
    @Deprecated
    public String postalCode;
    public String number;
    public String prefix;
    public String section;
    public String inseeCode;
    public Double x;
    public Double y;
}
