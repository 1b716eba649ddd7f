package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** Deprecated saveForm: creates the BSDD without id, updates it with one. */
@Input("FormInput")
public class FormInput {
    @Id
    public String id;
    public String customId;
    public EmitterInput emitter;
    public RecipientInput recipient;
    public TransporterInput transporter;
    @Id
    public List<@NonNull String> transporters;
    public Boolean isDirectSupply;
    public WasteDetailsInput wasteDetails;
    public TraderInput trader;
    public BrokerInput broker;
    @Deprecated
    public List<@NonNull AppendixFormInput> appendix2Forms;
    public List<@NonNull InitialFormFractionInput> grouping;
    public EcoOrganismeInput ecoOrganisme;
    public TemporaryStorageDetailInput temporaryStorageDetail;
    public List<@NonNull CompanyInput> intermediaries;
}
