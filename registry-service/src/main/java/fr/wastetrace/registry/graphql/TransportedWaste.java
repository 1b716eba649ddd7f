package fr.wastetrace.registry.graphql;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** A BSD in the transported-waste register of a transporter that took it over. Its own fields and those of {@link RegisterLineFields} follow the reference contract in names and types; see {@link fr.wastetrace.registry.register.Columns}. */
@Type("TransportedWaste")
public class TransportedWaste extends RegisterLineFields {
    public Instant transporterTakenOverAt;
    public Instant destinationReceptionDate;
    public String emitterCompanyMail;
    public String traderRecepisseNumber;
    public String brokerRecepisseNumber;
    public List<@NonNull String> transporterNumberPlates;
    public Instant transporterHandedOverSignatureDate;
    public List<@NonNull String> transporter2NumberPlates;
    public String transporter2HandedOverSignatureDate;
    public List<@NonNull String> transporter3NumberPlates;
    public String transporter3HandedOverSignatureDate;
    public List<@NonNull String> transporter4NumberPlates;
    public String transporter4HandedOverSignatureDate;
    public List<@NonNull String> transporter5NumberPlates;
    public String transporter5HandedOverSignatureDate;
}
