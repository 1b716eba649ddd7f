package fr.wastetrace.bsd.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.mutation.WriteOptions;
import fr.wastetrace.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The changed fields of a version, and the write options as the GraphQL arguments give them. */
class BsdVersionsTest {

    private static JsonNode json(String text) {
        try {
            return EventCodec.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aVersionChangesThePathsThatDifferBookkeepingAside() {
        JsonNode v1 = json("{'version': 1, 'updatedAt': 'a', 'status': 'INITIAL', 'quantity': 2, "
                + "'emitter': {'company': {'siret': '1'}}}");
        JsonNode v2 = json("{'version': 2, 'updatedAt': 'b', 'status': 'INITIAL', 'quantity': 3, "
                + "'emitter': {'company': {'siret': '1'}, 'emission': {'signature': {'author': 'J'}}}}");
        assertEquals(List.of("emitter.emission.signature.author", "quantity"),
                BsdVersions.changedFields(v1, v2));
        assertEquals(List.of(), BsdVersions.changedFields(v2, json("{'version': 3, 'updatedAt': 'c', "
                + "'status': 'INITIAL', 'quantity': 3, 'emitter': {'company': {'siret': '1'}, 'emission': "
                + "{'signature': {'author': 'J'}}}}")), "a write that changed nothing but its bookkeeping");
    }

    @Test
    void absentArgumentsMeanAnOrdinaryWrite() {
        assertEquals(WriteOptions.NONE, WriteOptions.of(null, null));
        assertFalse(WriteOptions.of(false, null).dryRun());
        assertTrue(WriteOptions.dryRun(true).dryRun());
        assertNull(WriteOptions.dryRun(true).expectedVersion());
        assertEquals(4L, WriteOptions.of(null, 4).expectedVersion());
    }
}
