package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.bspaoh.model.BspaohType;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The waste. */
@Input("BspaohWasteInput")
public class BspaohWasteInput {
    public String adr;
    public String code;
    public List<@NonNull BspaohPackagingInput> packagings;
    public BspaohType type;
}
