package fr.wastetrace.registry.graphql;

import fr.wastetrace.graphql.StringFilter;
import org.eclipse.microprofile.graphql.Input;

/** The register filters: each given field narrows the result (they combine with AND). */
@Input("WasteRegistryWhere")
public class WasteRegistryWhere {
    public IdFilter id;
    public DateFilter createdAt;
    public BsdTypeFilter bsdType;
    public StringFilter wasteCode;
    public StringFilter emitterCompanySiret;
    public StringFilter transporterCompanySiret;
    public StringFilter destinationCompanySiret;
    public DateFilter transporterTakenOverAt;
    public DateFilter destinationReceptionDate;
    public DateFilter destinationOperationDate;
    public NumericFilter destinationReceptionWeight;
    public StringFilter destinationOperationCode;
}
