package fr.wastetrace.bsd.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * bsd-service's outbox: every BSD event of every type is written to the outbox <em>and</em> applied to the search
 * projection in the same transaction, so that {@code bsds} shows a change as soon as it is committed, and never a
 * change that was rolled back. It is the one point every write path goes through (the core's pipeline and the BSDD's
 * own), with the BSD's full state: no type has to remember to update the search.
 */
@Alternative
@Priority(1)
@Singleton
public class SearchIndexingOutbox extends Outbox {
    private final BsdSearchProjection projection;

    @Inject
    public SearchIndexingOutbox(AgroalDataSource dataSource, BsdSearchProjection projection) {
        super(dataSource);
        this.projection = projection;
    }

    /** Every publication comes here ({@link Outbox#publish} serialises its payload and calls this). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publishJson(String type, String aggregateType, String aggregateId, long version, int schemaVersion,
                            JsonNode payload, String json) {
        UUID id = super.publishJson(type, aggregateType, aggregateId, version, schemaVersion, payload, json);
        projection.apply(type, aggregateType, aggregateId, payload, json);
        return id;
    }
}
