package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.TreeSet;

/**
 * The road control of a type stored by the core: the caller must read the BSD (the type's own read check), and its
 * status must be one of {@code onTheRoad} (the reference: SENT for the BSDA, BSDASRI, BSFF and BSVHU).
 */
public abstract class DocumentRoadControl<D> implements RoadControlPolicy {
    @Inject
    BsdPipeline pipeline;

    private final String idPrefix;
    private final BsdType<D> type;
    private final String bsdType;
    private final Set<String> onTheRoad;

    protected DocumentRoadControl(String idPrefix, BsdType<D> type, String bsdType, Set<String> onTheRoad) {
        this.idPrefix = idPrefix;
        this.type = type;
        this.bsdType = bsdType;
        this.onTheRoad = Set.copyOf(onTheRoad);
    }

    @Override
    public String idPrefix() {
        return idPrefix;
    }

    @Override
    public String bsdType() {
        return bsdType;
    }

    @Override
    public void checkCanGrant(CallerIdentity caller, String bsdId) {
        BsdRecord<D> record = pipeline.read(type, caller, bsdId);
        if (!onTheRoad.contains(record.status)) {
            throw RoadControlPolicy.notOnTheRoad(record.status, String.join(" ou ", new TreeSet<>(onTheRoad)));
        }
    }
}
