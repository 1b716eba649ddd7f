package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.graphql.WasteAcceptationStatus;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Input;

/** The reception. */
@Input("BsvhuReceptionInput")
public class BsvhuReceptionInput {
    public Instant date;
    public Integer quantity;
    public Double weight;
    public BsvhuIdentificationInput identification;
    public WasteAcceptationStatus acceptationStatus;
    public String refusalReason;
}
