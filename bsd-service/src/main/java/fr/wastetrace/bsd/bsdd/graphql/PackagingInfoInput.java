package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.bsdd.model.Packagings;
import org.eclipse.microprofile.graphql.NonNull;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** One kind of packaging. */
@Input("PackagingInfoInput")
public class PackagingInfoInput {
    @NonNull
    public Packagings type;
    public String other;
    public Integer quantity;
    public Double volume;
    public List<@NonNull String> identificationNumbers;
    public String numero;
    public Double weight;
}
