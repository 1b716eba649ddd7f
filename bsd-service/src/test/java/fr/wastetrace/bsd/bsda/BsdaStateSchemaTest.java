package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.StatePayloads;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.events.bsd.BsdaEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payload of bsda.upserted / bsda.deleted (the core's payload of a BSDA record) and the checked-in schema
 * {@code bsda-state.v1.json} list exactly the same properties, at every level of nesting.
 */
class BsdaStateSchemaTest {

    static BsdRecord<Bsda> filledRecord() throws Exception {
        BsdRecord<Bsda> record = new BsdRecord<>();
        record.id = "BSDA-20261207-ABCDEFGHI";
        record.status = "SENT";
        record.version = 4;
        record.createdAt = Instant.parse("2026-12-07T10:00:00Z");
        record.updatedAt = record.createdAt;
        record.data = StatePayloads.filled(Bsda.class);
        return record;
    }

    @Test
    void emittedPayloadAndCheckedInSchemaHaveTheSameFields() throws Exception {
        TreeSet<String> emitted = StatePayloads.payloadPaths(BsdPipeline.payload(filledRecord()));
        assertEquals(StatePayloads.schemaPaths(BsdaEvents.SCHEMA_RESOURCE), emitted,
                "bsda-state.v1.json drifted from the emitted payload");
    }

    @Test
    void everyTopLevelPropertyIsRequired() throws Exception {
        List<TreeSet<String>> both = StatePayloads.propertiesAndRequired(BsdaEvents.SCHEMA_RESOURCE);
        assertEquals(both.get(0), both.get(1));
    }
}
