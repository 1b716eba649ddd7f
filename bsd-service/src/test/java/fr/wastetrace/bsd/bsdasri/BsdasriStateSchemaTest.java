package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.StatePayloads;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsdasriEvents;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payload of bsdasri.upserted / bsdasri.deleted (the core's payload of a BSDASRI record) and the checked-in schema
 * {@code bsdasri-state.v1.json} list exactly the same properties, at every level of nesting.
 */
class BsdasriStateSchemaTest {

    @Test
    void emittedPayloadAndCheckedInSchemaHaveTheSameFields() throws Exception {
        BsdRecord<Bsdasri> record = new BsdRecord<>();
        record.id = "DASRI-20261127-ABCDEFGHI";
        record.status = "SENT";
        record.version = 3;
        record.createdAt = Instant.parse("2026-11-27T10:00:00Z");
        record.updatedAt = record.createdAt;
        record.data = StatePayloads.filled(Bsdasri.class);
        TreeSet<String> emitted = StatePayloads.payloadPaths(BsdPipeline.payload(record));
        assertEquals(StatePayloads.schemaPaths(BsdasriEvents.SCHEMA_RESOURCE), emitted,
                "bsdasri-state.v1.json drifted from the emitted payload");
    }

    @Test
    void everyTopLevelPropertyIsRequired() throws Exception {
        try (InputStream in = BsdasriEvents.class.getResourceAsStream(BsdasriEvents.SCHEMA_RESOURCE)) {
            var schema = EventCodec.mapper().readTree(in);
            TreeSet<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            TreeSet<String> required = new TreeSet<>();
            schema.get("required").forEach(n -> required.add(n.asText()));
            assertEquals(properties, required);
        }
    }
}
