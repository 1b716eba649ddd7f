package fr.wastetrace.bsd.bsdd.graphql;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A processed paper BSDD, copied into the platform by its destination (new, or over a sealed BSDD). */
@Input("ImportPaperFormInput")
public class ImportPaperFormInput {
    @Id
    public String id;
    public String customId;
    public EmitterInput emitter;
    public RecipientInput recipient;
    public TransporterInput transporter;
    public WasteDetailsInput wasteDetails;
    public TraderInput trader;
    public BrokerInput broker;
    public EcoOrganismeInput ecoOrganisme;
    @NonNull
    public SignatureFormInput signingInfo;
    @NonNull
    public ReceivedFormInput receivedInfo;
    @NonNull
    public ProcessedFormInput processedInfo;
}
