package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.bsvhu.model.BsvhuPackaging;
import fr.wastetrace.bsd.common.CompanyInput;
import java.util.List;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A BSVHU written by a client: on creation the BSVHU, on update only the fields given. */
@Input("BsvhuInput")
public class BsvhuInput {
    public String customId;
    public BsvhuEmitterInput emitter;
    public BsvhuEcoOrganismeInput ecoOrganisme;
    public String wasteCode;
    public BsvhuPackaging packaging;
    public BsvhuIdentificationInput identification;
    public Integer quantity;
    public BsvhuWeightInput weight;
    public Boolean containsElectricOrHybridVehicles;
    public BsvhuDestinationInput destination;
    public BsvhuTransporterInput transporter;
    @Id
    public List<@NonNull String> transporters;
    public BsvhuBrokerInput broker;
    public BsvhuTraderInput trader;
    public List<@NonNull CompanyInput> intermediaries;
}
