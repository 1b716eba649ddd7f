package fr.wastetrace.bsd.core;

import fr.wastetrace.bsd.core.operation.FinalOperation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinalOperationTest {
    @Test
    void groupingStorageAndRepackagingCodesAreNotFinalWhateverTheirSpelling() {
        for (String code : new String[]{"R12", "R 13", "d13", "D 14", "D15"}) {
            assertFalse(FinalOperation.isFinal(code), code);
        }
        for (String code : new String[]{"R1", "R 2", "D 5", "D10", "r4"}) {
            assertTrue(FinalOperation.isFinal(code), code);
        }
        assertFalse(FinalOperation.isFinal(null));
        assertFalse(FinalOperation.isFinal(" "));
    }

    @Test
    void recordingTheSameFinalBsdTwiceReplacesInsteadOfAdding() {
        List<FinalOperation> list = new ArrayList<>();
        assertTrue(FinalOperation.record(list, new FinalOperation("R2", 10.0, "F1", "S")));
        assertFalse(FinalOperation.record(list, new FinalOperation("R2", 10.0, "F1", "S")), "a replay changes nothing");
        assertTrue(FinalOperation.record(list, new FinalOperation("R1", 8.0, "F1", "S")), "a revised operation");
        assertTrue(FinalOperation.record(list, new FinalOperation("D10", 2.0, "F2", "T")));
        assertEquals(List.of("R1", "D10"), list.stream().map(o -> o.operationCode).toList());
    }
}
