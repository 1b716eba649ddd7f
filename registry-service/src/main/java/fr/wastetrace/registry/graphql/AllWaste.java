package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.OperationMode;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** A BSD in the exhaustive register (every field of the other registers, plus intermediaries). Its own fields and those of {@link RegisterLineFields} follow the reference contract in names and types; see {@link fr.wastetrace.registry.register.Columns}. */
@Type("AllWaste")
public class AllWaste extends RegisterLineFields {
    public Instant transporterTakenOverAt;
    public Instant destinationReceptionDate;
    public List<@NonNull String> parcelCities;
    public List<@NonNull String> parcelPostalCodes;
    public List<@NonNull String> parcelInseeCodes;
    public List<String> parcelNumbers;
    public List<String> parcelCoordinates;
    public String initialEmitterCompanyName;
    public String initialEmitterCompanySiret;
    public String initialEmitterCompanyAddress;
    public String initialEmitterCompanyPostalCode;
    public String initialEmitterCompanyCity;
    public String initialEmitterCompanyCountry;
    public String emitterCompanyMail;
    public String traderRecepisseNumber;
    public String brokerRecepisseNumber;
    public String intermediary1CompanyName;
    public String intermediary1CompanySiret;
    public String intermediary2CompanyName;
    public String intermediary2CompanySiret;
    public String intermediary3CompanyName;
    public String intermediary3CompanySiret;
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
    public String destinationPlannedOperationCode;
    public OperationMode destinationPlannedOperationMode;
    public Double destinationReceptionAcceptedWeight;
    public Double destinationReceptionRefusedWeight;
    public String destinationOperationCode;
    public OperationMode destinationOperationMode;
    public List<@NonNull String> destinationFinalOperationCodes;
    public List<@NonNull Double> destinationFinalOperationWeights;
    public List<@NonNull String> destinationFinalOperationCompanySirets;
    public String postTempStorageDestinationName;
    public String postTempStorageDestinationSiret;
    public String postTempStorageDestinationAddress;
    public String postTempStorageDestinationPostalCode;
    public String postTempStorageDestinationCity;
    public String postTempStorageDestinationCountry;
    public String nextDestinationNotificationNumber;
    public String nextDestinationProcessingOperation;
}
