package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.BsffOperationCode;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffPackagingOperation;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.bsd.reference.ReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.OperationCode;
import fr.wastetrace.graphql.OperationMode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSFF's operation codes, modes and finality served by {@code wastetraceOperationCodes} are those it checks. */
class BsffReferenceDataTest {

    @Test
    void theBsffChecksTheModesServedWithEachOfItsCodes() {
        List<OperationCode> served = ReferenceData.operationCodes(BsdType.BSFF);
        assertEquals(Arrays.stream(BsffOperationCode.values()).map(Enum::name).sorted().toList(),
                served.stream().map(OperationCode::code).sorted().toList());
        for (OperationCode o : served) {
            BsffOperationCode code = BsffOperationCode.valueOf(o.code());
            assertTrue(o.modesChecked(), o.code());
            assertEquals(code.isFinal(false), o.operation().isFinal(), o.code());
            for (OperationMode mode : OperationMode.values()) {
                BsffPackaging k = new BsffPackaging();
                k.operation = new BsffPackagingOperation();
                k.operation.code = code;
                k.operation.mode = mode;
                boolean refused = BsffRules.packagingFormats(k, new Problems()).messages().stream()
                        .anyMatch(m -> m.startsWith("operation.mode"));
                assertEquals(!o.modes().contains(mode), refused, o.code() + " " + mode);
            }
        }
        assertEquals(List.of(OperationMode.REUTILISATION, OperationMode.RECYCLAGE),
                ReferenceData.operationModes(BsdType.BSFF, "R3").stream().sorted().toList());
    }

    @Test
    void theBsffAcceptsExactlyTheWasteCodesServedForIt() {
        assertEquals(List.of("13 03 10*", "14 06 01*", "14 06 02*", "14 06 03*", "16 05 04*"),
                ReferenceData.wasteCodes(BsdType.BSFF).stream().map(ReferenceData.WasteCode::code).toList());
        assertEquals(ReferenceData.wasteCodeSet(BsdType.BSFF), BsffRules.WASTE_CODES);
    }
}
