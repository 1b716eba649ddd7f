package fr.wastetrace.bsd.bsvhu.model;

import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Type;

/** Reception at the destination, with its acceptance. */
@Type("BsvhuReception")
public class BsvhuReception {
    public Instant date;
    public Integer quantity;
    public Double weight;
    public BsvhuIdentification identification;
    public WasteAcceptationStatus acceptationStatus;
    public String refusalReason;
    public Signature signature;
}
