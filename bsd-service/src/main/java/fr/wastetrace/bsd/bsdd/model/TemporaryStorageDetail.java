package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** Frames 13 to 19: temporary storage and the onward journey. */
@Type("TemporaryStorageDetail")
public class TemporaryStorageDetail {
    public TemporaryStorer temporaryStorer;
    public Destination destination;
    public WasteDetails wasteDetails;
    public Transporter transporter;
    public Instant emittedAt;
    public String emittedBy;
    public Instant takenOverAt;
    public String takenOverBy;
    public @Deprecated Instant signedAt;
    public @Deprecated String signedBy;
}
