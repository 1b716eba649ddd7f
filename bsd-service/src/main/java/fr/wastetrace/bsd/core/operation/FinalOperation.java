package fr.wastetrace.bsd.core.operation;

import fr.wastetrace.bsd.reference.ReferenceData;

import java.util.List;
import java.util.Objects;

/**
 * A final treatment reached downstream, recorded on every BSD (or container) of the traceability chain that led to
 * it, the final BSD included: its code, the quantity of this BSD it covers (in the type's unit), the BSD that carried
 * it out and that BSD's destination. The registers show them in the outgoing lines
 * ({@code destinationFinalOperation*}). Stored in the document and in its events, not in the GraphQL type.
 */
public class FinalOperation {

    public String operationCode;
    public Double quantity;
    public String finalBsdId;
    public String destinationCompanySiret;

    public FinalOperation() {
    }

    public FinalOperation(String operationCode, Double quantity, String finalBsdId, String destinationCompanySiret) {
        this.operationCode = operationCode;
        this.quantity = quantity;
        this.finalBsdId = finalBsdId;
        this.destinationCompanySiret = destinationCompanySiret;
    }

    /**
     * Whether {@code code} ("R 1", "R1", "d10"...) is a final treatment: not one the list of operations marks as
     * only grouping, storing or repackaging ({@link ReferenceData#isFinal}).
     */
    public static boolean isFinal(String code) {
        return ReferenceData.isFinal(code);
    }

    /** This operation with another quantity, for a BSD upstream. */
    public FinalOperation withQuantity(Double otherQuantity) {
        return new FinalOperation(operationCode, otherQuantity, finalBsdId, destinationCompanySiret);
    }

    /**
     * Records {@code operation} in {@code list}, replacing the one of the same final BSD (a revised operation, a
     * replayed signature): recording twice changes nothing. Returns whether the list changed.
     */
    public static boolean record(List<FinalOperation> list, FinalOperation operation) {
        for (int i = 0; i < list.size(); i++) {
            FinalOperation o = list.get(i);
            if (o.finalBsdId != null && o.finalBsdId.equals(operation.finalBsdId)) {
                if (o.sameAs(operation)) {
                    return false;
                }
                list.set(i, operation);
                return true;
            }
        }
        list.add(operation);
        return true;
    }

    /**
     * Removes the operation carried out by {@code finalBsdId} (its operation was revised to one that is not final).
     * Returns whether the list changed.
     */
    public static boolean forget(List<FinalOperation> list, String finalBsdId) {
        return list.removeIf(o -> finalBsdId.equals(o.finalBsdId));
    }

    private boolean sameAs(FinalOperation o) {
        return Objects.equals(operationCode, o.operationCode) && Objects.equals(quantity, o.quantity)
                && Objects.equals(destinationCompanySiret, o.destinationCompanySiret);
    }
}
