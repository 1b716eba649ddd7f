package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.graphql.OperationMode;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Type;

/** What a revision request changes. */
@Type("FormRevisionRequestContent")
public class FormRevisionRequestContent {
    public @Name("isCanceled") Boolean isCanceled;
    public FormRevisionRequestWasteDetails wasteDetails;
    public Trader trader;
    public Broker broker;
    public FormRevisionRequestRecipient recipient;
    public Double quantityReceived;
    public Double quantityRefused;
    public String processingOperationDone;
    public OperationMode destinationOperationMode;
    public String processingOperationDescription;
    public FormRevisionRequestTemporaryStorageDetail temporaryStorageDetail;
}
