package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.core.mutation.StatePayloads;
import fr.wastetrace.events.bsd.BspaohEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payload of bspaoh.upserted / bspaoh.deleted (the core's payload of a BSPAOH record) and the checked-in schema
 * {@code bspaoh-state.v1.json} list exactly the same properties, at every level of nesting; all top-level ones are
 * always present.
 */
class BspaohStateSchemaTest {

    @Test
    void emittedPayloadAndCheckedInSchemaHaveTheSameFields() throws Exception {
        assertEquals(StatePayloads.schemaPaths(BspaohEvents.SCHEMA_RESOURCE),
                StatePayloads.filledPayloadPaths(Bspaoh.class, "PAOH-20261207-ABCDEFGHI", "SENT"),
                "bspaoh-state.v1.json drifted from the emitted payload");
    }

    @Test
    void everyTopLevelPropertyIsRequired() throws Exception {
        List<TreeSet<String>> schema = StatePayloads.propertiesAndRequired(BspaohEvents.SCHEMA_RESOURCE);
        assertEquals(schema.get(0), schema.get(1));
    }
}
