package fr.wastetrace.bsd.bsdd.revision.graphql;

import fr.wastetrace.bsd.bsdd.graphql.BrokerInput;
import fr.wastetrace.bsd.bsdd.graphql.TraderInput;
import fr.wastetrace.graphql.OperationMode;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;

/** What a revision changes: either the cancellation of the BSDD, or some of its fields. */
@Input("FormRevisionRequestContentInput")
public class FormRevisionRequestContentInput {
    @Name("isCanceled")
    public Boolean isCanceled;
    public FormRevisionRequestWasteDetailsInput wasteDetails;
    public TraderInput trader;
    public BrokerInput broker;
    public FormRevisionRequestRecipientInput recipient;
    public Double quantityReceived;
    public Double quantityRefused;
    public String processingOperationDone;
    public OperationMode destinationOperationMode;
    public String processingOperationDescription;
    public FormRevisionRequestTemporaryStorageDetailInput temporaryStorageDetail;
}
