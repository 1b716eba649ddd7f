package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.ArrayList;
import java.util.List;

/** One kind of packaging and how many of them. */
@Type("PackagingInfo")
public class PackagingInfo {
    @NonNull
    public Packagings type;
    public String other;
    @NonNull
    public int quantity;
    public Double volume;
    @NonNull
    public List<@NonNull String> identificationNumbers = new ArrayList<>();
}
