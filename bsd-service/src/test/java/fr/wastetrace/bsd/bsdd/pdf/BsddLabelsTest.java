package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.bsd.bsdd.model.FormStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BsddLabelsTest {

    @Test
    void everyStatusHasAFrenchLabel() {
        for (FormStatus status : FormStatus.values()) {
            assertFalse(BsddLabels.label(status).isBlank(), status.name());
        }
        assertEquals("annulé", BsddLabels.label(FormStatus.CANCELED));
    }
}
