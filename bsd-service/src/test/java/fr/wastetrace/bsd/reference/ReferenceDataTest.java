package fr.wastetrace.bsd.reference;

import fr.wastetrace.bsd.bsda.model.BsdaPackagingType;
import fr.wastetrace.bsd.bsdasri.BsdasriRules;
import fr.wastetrace.bsd.bsdasri.model.BsdasriPackagingType;
import fr.wastetrace.bsd.bsdd.BsddValidation;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.Packagings;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsff.model.BsffPackagingType;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingType;
import fr.wastetrace.bsd.bsvhu.model.BsvhuPackaging;
import fr.wastetrace.bsd.core.operation.FinalOperation;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.reference.ReferenceData.OperationCode;
import fr.wastetrace.graphql.OperationMode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference data served by the {@code wastetrace*} queries are the lists validation checks BSDs against. */
class ReferenceDataTest {

    private static boolean bsddAcceptsWasteCode(String code) {
        BsddData f = new BsddData();
        f.wasteDetails = new WasteDetails();
        f.wasteDetails.code = code;
        return BsddValidation.draft(f, List.of(), Map.of()).messages().stream()
                .noneMatch(m -> m.contains("(wasteDetails.code)"));
    }

    @Test
    void theBsddAcceptsExactlyTheWasteCodesServedForIt() {
        List<String> served = ReferenceData.wasteCodes(BsdType.BSDD).stream().map(ReferenceData.WasteCode::code).toList();
        assertEquals(832, served.size());
        for (ReferenceData.WasteCode w : ReferenceData.wasteCodes(null)) {
            assertEquals(served.contains(w.code()), bsddAcceptsWasteCode(w.code()), w.code());
        }
        assertTrue(bsddAcceptsWasteCode("17 06 04"));
        assertFalse(bsddAcceptsWasteCode("17 06 05*"), "asbestos goes on a BSDA");
        assertFalse(bsddAcceptsWasteCode("17 06 04*"), "no such code");
    }

    @Test
    void theBsddChecksTheModesServedWithEachOperationCode() {
        BsddData f = new BsddData();
        List<OperationCode> served = ReferenceData.operationCodes(BsdType.BSDD);
        assertEquals(27, served.size());
        for (OperationCode o : served) {
            assertTrue(o.modesChecked(), o.code());
            for (OperationMode mode : OperationMode.values()) {
                boolean refused = BsddValidation.processing(f, o.code(), mode, "Jean", false, null, null, null)
                        .messages().stream().anyMatch(m -> m.contains("(destinationOperationMode)"));
                assertEquals(!o.modes().contains(mode), refused, o.code() + " " + mode);
            }
            boolean withoutMode = BsddValidation.processing(f, o.code(), null, "Jean", false, null, null, null)
                    .messages().stream().anyMatch(m -> m.contains("(destinationOperationMode)"));
            assertEquals(!o.modes().isEmpty(), withoutMode, o.code() + " without a mode");
        }
        assertTrue(BsddValidation.processing(f, "R 14", null, "Jean", false, null, null, null).messages().stream()
                .anyMatch(m -> m.contains("(processingOperationDone)")), "R 14 is served nowhere and refused");
    }

    @Test
    void theBsdasriAcceptsExactlyTheCodesServedForIt() {
        assertEquals(Set.of("18 01 03*", "18 02 02*"), BsdasriRules.WASTE_CODES);
        assertEquals(List.of("R1", "R12", "D9F", "D10", "D13"),
                ReferenceData.operationCodes(BsdType.BSDASRI).stream().map(OperationCode::code).toList());
        assertTrue(BsdasriRules.isGroupingCode("R12") && BsdasriRules.isGroupingCode("D13"));
        assertFalse(BsdasriRules.isGroupingCode("D9F") || BsdasriRules.isGroupingCode("R1")
                || BsdasriRules.isGroupingCode("D 13"));
    }

    @Test
    void thePackagingTypesServedAreTheValuesOfEachTypesEnum() {
        Map<BsdType, Class<? extends Enum<?>>> enums = Map.of(BsdType.BSDD, Packagings.class,
                BsdType.BSDA, BsdaPackagingType.class, BsdType.BSDASRI, BsdasriPackagingType.class,
                BsdType.BSFF, BsffPackagingType.class, BsdType.BSVHU, BsvhuPackaging.class,
                BsdType.BSPAOH, BspaohPackagingType.class);
        for (BsdType type : BsdType.values()) {
            Set<String> values = Arrays.stream(enums.get(type).getFields()).filter(Field::isEnumConstant)
                    .filter(f -> !f.isAnnotationPresent(Deprecated.class)).map(Field::getName)
                    .collect(Collectors.toSet());
            Set<String> served = ReferenceData.packagingTypes(type).stream().map(ReferenceData.PackagingType::type)
                    .collect(Collectors.toSet());
            assertEquals(values, served, type.name());
        }
        assertEquals(2, ReferenceData.packaging(BsdType.BSDD, "CITERNE").orElseThrow().maxQuantity());
    }

    @Test
    void finalityIsTheListsForEveryType() {
        for (BsdType type : BsdType.values()) {
            for (OperationCode o : ReferenceData.operationCodes(type)) {
                assertEquals(o.operation().isFinal(), FinalOperation.isFinal(o.code()), type + " " + o.code());
            }
        }
        assertFalse(FinalOperation.isFinal("R 13"));
        assertFalse(FinalOperation.isFinal("d15"));
        assertTrue(FinalOperation.isFinal("D10"));
        assertTrue(FinalOperation.isFinal("D 9 F"));
    }

    @Test
    void listsAreSortedAndCompleteWhereTheContractNamesNoValue() {
        List<String> codes = ReferenceData.wasteCodes(null).stream().map(ReferenceData.WasteCode::code).toList();
        assertEquals(842, codes.size());
        assertEquals(codes.stream().sorted(Comparator.comparing((String c) -> c.replace("*", ""))).toList(), codes);
        List<String> bsff = ReferenceData.operationCodes(BsdType.BSFF).stream().map(OperationCode::code).toList();
        assertEquals(List.of("R1", "R2", "R3", "R5", "R12", "R13", "D10", "D13", "D14", "D15"), bsff);
        List<String> bsdd = ReferenceData.operationCodes(BsdType.BSDD).stream().map(OperationCode::code).toList();
        assertEquals("R 0", bsdd.get(0));
        assertEquals(List.of("D 9", "D 9 F", "D 10"), bsdd.subList(bsdd.indexOf("D 9"), bsdd.indexOf("D 9") + 3));
        assertEquals("D 15", bsdd.get(bsdd.size() - 1));
        assertEquals(22, ReferenceData.adrClasses().size());
        assertEquals("4.1", ReferenceData.adrClasses().stream().filter(a -> a.adrClass() == 4).findFirst()
                .orElseThrow().code());
    }
}
