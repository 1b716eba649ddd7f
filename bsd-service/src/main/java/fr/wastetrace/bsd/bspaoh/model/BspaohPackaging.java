package fr.wastetrace.bsd.bspaoh.model;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One packaging, with its identification codes and, after reception, its acceptation. */
@Type("BspaohPackaging")
public class BspaohPackaging {
    public BspaohPackagingAcceptationStatus acceptation;
    public BspaohConsistence consistence;
    public String containerNumber;
    public String id;
    public List<@NonNull String> identificationCodes;
    public @NonNull Integer quantity;
    public @NonNull BspaohPackagingType type;
    public Integer volume;
}
