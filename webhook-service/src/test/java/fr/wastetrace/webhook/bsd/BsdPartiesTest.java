package fr.wastetrace.webhook.bsd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-type extraction on contract-shaped states. */
class BsdPartiesTest {
    private static JsonNode state(String name) throws Exception {
        try (InputStream in = BsdPartiesTest.class.getResourceAsStream("/states/" + name)) {
            return EventCodec.mapper().readTree(in);
        }
    }

    @Test
    void bsddNamesEveryRoleTemporaryStorageIncluded() throws Exception {
        JsonNode form = state("bsdd.json");
        BsddParties bsdd = new BsddParties();
        assertEquals("BSD-20260601-FIXTURE1", bsdd.readableId(form));
        assertEquals(Set.of("11111111100011", "33333333300033", "22222222200022", "BE0123456789", "55555555500055",
                "66666666600066", "88888888800088", "44444444400044", "99999999900099"), bsdd.orgIds(form));
    }

    @Test
    void bsvhuNamesEveryRole() throws Exception {
        JsonNode bsvhu = state("bsvhu.json");
        FieldParties parties = FieldParties.BSVHU;
        assertEquals("VHU-20260601-FIXTURE01", parties.readableId(bsvhu));
        assertEquals(Set.of("11111111100011", "44444444400044", "22222222200022", "BE0123456789", "66666666600066",
                "77777777700077", "55555555500055", "88888888800088"), parties.orgIds(bsvhu));
    }

    @Test
    void anEmptyStateNamesNobody() {
        JsonNode empty = EventCodec.mapper().createObjectNode();
        assertEquals(Set.of(), new BsddParties().orgIds(empty));
        assertEquals(Set.of(), FieldParties.BSVHU.orgIds(empty));
    }
}
