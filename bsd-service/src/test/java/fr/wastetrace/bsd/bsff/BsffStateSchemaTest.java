package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.core.mutation.StatePayloads;
import fr.wastetrace.events.bsd.BsffEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payload of bsff.upserted / bsff.deleted (the core's payload of a BSFF record) and the checked-in schema
 * {@code bsff-state.v1.json} list exactly the same properties, at every level of nesting; all top-level ones are
 * always present.
 */
class BsffStateSchemaTest {

    @Test
    void emittedPayloadAndCheckedInSchemaHaveTheSameFields() throws Exception {
        assertEquals(StatePayloads.schemaPaths(BsffEvents.SCHEMA_RESOURCE),
                StatePayloads.filledPayloadPaths(Bsff.class, "FF-20261207-ABCDEFGHI", "SENT"),
                "bsff-state.v1.json drifted from the emitted payload");
    }

    @Test
    void everyTopLevelPropertyIsRequired() throws Exception {
        List<TreeSet<String>> schema = StatePayloads.propertiesAndRequired(BsffEvents.SCHEMA_RESOURCE);
        assertEquals(schema.get(0), schema.get(1));
    }
}
