package fr.wastetrace.bsd.bspaoh.model;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The waste: its type, code, ADR mention and packagings. */
@Type("BspaohWaste")
public class BspaohWaste {
    public String adr;
    public String code;
    public List<@NonNull BspaohPackaging> packagings;
    public @NonNull BspaohType type;
}
