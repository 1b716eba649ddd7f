package fr.wastetrace.bsd.bsff.model;

import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffPackagingAcceptation;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffPackagingOperation;
import org.eclipse.microprofile.graphql.Id;
import fr.wastetrace.bsd.core.operation.FinalOperation;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * One container of a BSFF, with its own acceptation and operation. {@code previousPackagingIds} are the containers
 * of earlier BSFFs it takes over (grouping and forwarding: one; repackaging: several); {@code bsff},
 * {@code nextBsff}, {@code nextBsffs} and {@code previousBsffs} are resolved from the links when asked for.
 */
@Type("BsffPackaging")
public class BsffPackaging {
    @Id
    @NonNull
    public String id;
    @Id
    @NonNull
    public String bsffId;
    @NonNull
    public String numero;
    @NonNull
    public BsffPackagingType type;
    public String other;
    public Double volume;
    @NonNull
    public Double weight;
    public BsffPackagingAcceptation acceptation;
    public BsffPackagingOperation operation;
    /** The container's number at emission (kept when the destination corrects {@code numero}). */
    @Ignore
    public String emissionNumero;
    @Ignore
    public List<String> previousPackagingIds = new ArrayList<>();
    /**
     * The final treatments reached by this container or downstream of it (a follow-up BSFF that took it over), for the
     * registers (events and storage only).
     */
    @Ignore
    public List<FinalOperation> finalOperations = new ArrayList<>();

    @Ignore
    public boolean accepted() {
        return acceptation != null && acceptation.signature != null && acceptation.signature.date != null;
    }

    @Ignore
    public boolean operated() {
        return operation != null && operation.signature != null && operation.signature.date != null;
    }

    @Ignore
    public boolean refused() {
        return accepted() && acceptation.status == WasteAcceptationStatus.REFUSED;
    }
}
