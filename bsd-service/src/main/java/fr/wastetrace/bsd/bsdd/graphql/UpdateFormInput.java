package fr.wastetrace.bsd.bsdd.graphql;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.wastetrace.bsd.common.CompanyInput;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Changes to a BSDD: only the fields given change. */
@Input("UpdateFormInput")
public class UpdateFormInput {
    @Id
    @NonNull
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

    /**
     * Whether the client sent {@code temporaryStorageDetail: null} (which removes the suite) rather than leaving the
     * field out (which keeps it): set by the API from the raw argument, not part of the schema.
     */
    @Ignore
    @JsonIgnore
    public boolean temporaryStorageDetailCleared;
}
