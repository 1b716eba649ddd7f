package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.StatePayloads;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.events.bsd.BsvhuEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payload of bsvhu.upserted / bsvhu.deleted (the core's payload of a BSVHU record) and the checked-in schema
 * {@code bsvhu-state.v1.json} list exactly the same properties, at every level of nesting.
 */
class BsvhuStateSchemaTest {

    @Test
    void emittedPayloadAndCheckedInSchemaHaveTheSameFields() throws Exception {
        BsdRecord<Bsvhu> record = new BsdRecord<>();
        record.id = "VHU-20261127-ABCDEFGHI";
        record.status = "SENT";
        record.version = 3;
        record.createdAt = Instant.parse("2026-11-27T10:00:00Z");
        record.updatedAt = record.createdAt;
        record.data = StatePayloads.filled(Bsvhu.class);
        TreeSet<String> emitted = StatePayloads.payloadPaths(BsdPipeline.payload(record));
        assertEquals(StatePayloads.schemaPaths(BsvhuEvents.SCHEMA_RESOURCE), emitted,
                "bsvhu-state.v1.json drifted from the emitted payload");
    }

    @Test
    void everyTopLevelPropertyIsRequired() throws Exception {
        List<TreeSet<String>> propertiesAndRequired = StatePayloads.propertiesAndRequired(BsvhuEvents.SCHEMA_RESOURCE);
        assertEquals(propertiesAndRequired.get(0), propertiesAndRequired.get(1));
    }
}
