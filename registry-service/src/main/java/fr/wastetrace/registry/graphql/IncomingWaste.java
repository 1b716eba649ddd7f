package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.OperationMode;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** A BSD in the incoming-waste register of its destination. Its own fields and those of {@link RegisterLineFields} follow the reference contract in names and types; see {@link fr.wastetrace.registry.register.Columns}. */
@Type("IncomingWaste")
public class IncomingWaste extends RegisterLineFields {
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
    public String destinationPlannedOperationCode;
    public Double destinationReceptionAcceptedWeight;
    public Double destinationReceptionRefusedWeight;
    public String destinationOperationCode;
    public OperationMode destinationOperationMode;
    public String nextDestinationNotificationNumber;
    public String nextDestinationProcessingOperation;
}
