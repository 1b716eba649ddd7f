package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.OperationMode;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** A BSD in the managed-waste register of its trader, broker or intermediary. Its own fields and those of {@link RegisterLineFields} follow the reference contract in names and types; see {@link fr.wastetrace.registry.register.Columns}. */
@Type("ManagedWaste")
public class ManagedWaste extends RegisterLineFields {
    public List<@NonNull String> parcelCities;
    public List<@NonNull String> parcelPostalCodes;
    public List<@NonNull String> parcelInseeCodes;
    public List<String> parcelNumbers;
    public List<String> parcelCoordinates;
    public String emitterCompanyMail;
    public String destinationPlannedOperationCode;
    public OperationMode destinationPlannedOperationMode;
    public Double destinationReceptionAcceptedWeight;
    public Double destinationReceptionRefusedWeight;
    public String nextDestinationNotificationNumber;
    public String nextDestinationProcessingOperation;
}
