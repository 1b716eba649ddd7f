package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.core.mutation.StatePayloads;
import fr.wastetrace.events.bsd.BsddEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payload bsd-service emits (a {@link Form} serialised with the event mapper) and the checked-in schema
 * {@code bsdd-state.v1.json} list exactly the same properties, at every level of nesting.
 */
class BsddStateSchemaTest {

    @Test
    void emittedPayloadAndCheckedInSchemaHaveTheSameFields() throws Exception {
        TreeSet<String> emitted = StatePayloads.payloadPaths(BsddViews.payload(StatePayloads.filled(Form.class)));
        assertEquals(StatePayloads.schemaPaths(BsddEvents.SCHEMA_RESOURCE), emitted,
                "bsdd-state.v1.json drifted from the emitted payload");
    }

    @Test
    void everyTopLevelPropertyIsRequired() throws Exception {
        List<TreeSet<String>> propertiesAndRequired = StatePayloads.propertiesAndRequired(BsddEvents.SCHEMA_RESOURCE);
        assertEquals(propertiesAndRequired.get(0), propertiesAndRequired.get(1));
    }
}
