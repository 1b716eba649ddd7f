package fr.wastetrace.bsd.bsdd.reference;

import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.reference.ReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.PackagingType;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The reference lists a BSDD is checked against: the BSDD's part of {@link ReferenceData}. */
public final class BsddReferenceData {

    private static final List<String> APPENDIX1_FAMILIES = List.of("13 02 ", "13 05 ", "16 02 ", "16 07 ", "20 01 ");
    private static final Set<String> APPENDIX1_CODES = Set.of("13 01 10*", "13 01 11*", "13 01 12*", "13 01 13*",
            "15 01 10*", "15 02 02*", "16 06 01*", "19 08 10*");

    private BsddReferenceData() {
    }

    public static boolean isBsddWasteCode(String code) {
        return ReferenceData.acceptsWasteCode(BsdType.BSDD, code);
    }

    public static boolean isDangerousWasteCode(String code) {
        return ReferenceData.isDangerous(code);
    }

    /** Waste codes a dedicated round (appendix 1) may collect (spec bsdd.md §2.8). */
    public static boolean isAppendix1WasteCode(String code) {
        return isDangerousWasteCode(code) && (APPENDIX1_FAMILIES.stream().anyMatch(code::startsWith)
                || APPENDIX1_CODES.contains(code));
    }

    /** A processing operation by its code; {@code "D10"} and {@code "D 10"} are the same code. */
    public static Optional<ProcessingOperation> operation(String code) {
        return ReferenceData.operation(code);
    }

    public static Optional<PackagingType> packaging(String type) {
        return ReferenceData.packaging(BsdType.BSDD, type);
    }
}
