package fr.wastetrace.bsd.reference;

import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.graphql.OperationMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reference lists the BSD types are checked against, read once from the data files under {@code data/}: waste
 * codes, operation codes, packaging types and ADR classes. Validation and the {@code wastetrace*} reference queries
 * both read them here, so that what is served is what is checked.
 */
public final class ReferenceData {

    /** A waste code of the European list, the BSD types that accept it, and its label. */
    public record WasteCode(String code, Set<BsdType> bsdTypes, String label) {
        /** A code ending in {@code *} is dangerous. */
        public boolean dangerous() {
            return isDangerous(code);
        }
    }

    /**
     * A processing operation of the directive's list: whether, on a BSDD, the waste goes on to a next destination
     * ({@code grouping}), whether it is a final treatment, and the modes it allows.
     */
    public record ProcessingOperation(String code, boolean grouping, boolean isFinal, Set<OperationMode> modes,
                                      String label) {
    }

    /**
     * An operation code as a BSD type writes it, with the modes it allows; {@code modesChecked} is false when the
     * type's validation does not check the mode (the directive's modes are then given for information).
     */
    public record OperationCode(String code, ProcessingOperation operation, Set<OperationMode> modes,
                                boolean modesChecked) {
    }

    /** A packaging type: the most one line may hold (null: no limit), and whether it may be mixed with others. */
    public record PackagingType(String type, Integer maxQuantity, boolean exclusive, String label) {
    }

    /** An ADR class or division ({@code code}, e.g. 4.1) of class {@code adrClass}. */
    public record AdrClass(String code, int adrClass, String label) {
    }

    private static final Map<String, WasteCode> WASTE_CODES = new LinkedHashMap<>();
    private static final Map<String, ProcessingOperation> OPERATIONS = new LinkedHashMap<>();
    private static final Map<BsdType, Map<String, OperationCode>> OPERATION_CODES = new EnumMap<>(BsdType.class);
    private static final Map<BsdType, Map<String, PackagingType>> PACKAGINGS = new EnumMap<>(BsdType.class);
    private static final List<AdrClass> ADR_CLASSES;

    static {
        read("/data/waste-codes.tsv", c -> WASTE_CODES.put(c[0], new WasteCode(c[0], types(c[1]), c[2])));
        read("/data/processing-operations.tsv", c -> OPERATIONS.put(c[0], new ProcessingOperation(c[0],
                yes(c[1]), yes(c[2]), modes(c[3]), c[4])));
        for (BsdType type : BsdType.values()) {
            OPERATION_CODES.put(type, new LinkedHashMap<>());
            PACKAGINGS.put(type, new LinkedHashMap<>());
        }
        OPERATIONS.values().forEach(o -> OPERATION_CODES.get(BsdType.BSDD).put(o.code(),
                new OperationCode(o.code(), o, o.modes(), true)));
        read("/data/operation-codes-by-type.tsv", c -> {
            ProcessingOperation operation = OPERATIONS.get(normalizeOperationCode(c[1]));
            if (operation == null) {
                throw new IllegalStateException("operation-codes-by-type.tsv: " + c[1] + " is not in processing-operations.tsv");
            }
            boolean checked = !"?".equals(c[2]);
            OPERATION_CODES.get(BsdType.valueOf(c[0])).put(c[1],
                    new OperationCode(c[1], operation, checked ? modes(c[2]) : operation.modes(), checked));
        });
        read("/data/packaging-types.tsv", c -> PACKAGINGS.get(BsdType.valueOf(c[0])).put(c[1], new PackagingType(c[1],
                "-".equals(c[2]) ? null : Integer.valueOf(c[2]), yes(c[3]), c[4])));
        List<AdrClass> adr = new ArrayList<>();
        read("/data/adr-classes.tsv", c -> adr.add(new AdrClass(c[0], Integer.parseInt(c[1]), c[2])));
        ADR_CLASSES = List.copyOf(adr);
    }

    private ReferenceData() {
    }

    public static boolean isDangerous(String wasteCode) {
        return wasteCode != null && wasteCode.endsWith("*");
    }

    /** The waste codes {@code type} accepts (every code of the list when null), in the list's order. */
    public static List<WasteCode> wasteCodes(BsdType type) {
        return WASTE_CODES.values().stream().filter(w -> type == null || w.bsdTypes().contains(type)).toList();
    }

    /** The codes {@code type} accepts, as a set. */
    public static Set<String> wasteCodeSet(BsdType type) {
        Set<String> codes = new LinkedHashSet<>();
        wasteCodes(type).forEach(w -> codes.add(w.code()));
        return Collections.unmodifiableSet(codes);
    }

    public static boolean acceptsWasteCode(BsdType type, String code) {
        WasteCode w = code == null ? null : WASTE_CODES.get(code);
        return w != null && w.bsdTypes().contains(type);
    }

    /** A processing operation of the directive's list by its code; {@code "D10"} and {@code "D 10"} are the same. */
    public static Optional<ProcessingOperation> operation(String code) {
        return Optional.ofNullable(code).map(ReferenceData::normalizeOperationCode).map(OPERATIONS::get);
    }

    /** The operation codes {@code type} accepts, as it writes them, sorted (R before D, then by number). */
    public static List<OperationCode> operationCodes(BsdType type) {
        return OPERATION_CODES.get(type).values().stream()
                .sorted(Comparator.comparing((OperationCode o) -> sortKey(o.operation().code()))).toList();
    }

    /** The operation codes {@code type} accepts, as it writes them. */
    public static Set<String> operationCodeSet(BsdType type) {
        return Collections.unmodifiableSet(OPERATION_CODES.get(type).keySet());
    }

    /** The modes {@code type} accepts with {@code code} (written as the type writes it); empty if unknown. */
    public static Set<OperationMode> operationModes(BsdType type, String code) {
        OperationCode o = OPERATION_CODES.get(type).get(code);
        return o == null ? Set.of() : o.modes();
    }

    /**
     * Whether {@code code} ("R 1", "R1", "d10"...) is a final treatment: anything but the codes the list marks as
     * only grouping, storing or repackaging. A code outside the list counts as final.
     */
    public static boolean isFinal(String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        return operation(code).map(ProcessingOperation::isFinal).orElse(true);
    }

    /** The packaging types of {@code type}, in the file's order. */
    public static List<PackagingType> packagingTypes(BsdType type) {
        return List.copyOf(PACKAGINGS.get(type).values());
    }

    public static Optional<PackagingType> packaging(BsdType type, String name) {
        return Optional.ofNullable(PACKAGINGS.get(type).get(name));
    }

    public static List<AdrClass> adrClasses() {
        return ADR_CLASSES;
    }

    /** Writes an operation code the way the lists do: letter, space, number (and {@code F} for D 9 F). */
    public static String normalizeOperationCode(String code) {
        String compact = code.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 2) {
            return code;
        }
        String rest = compact.substring(1);
        if (rest.endsWith("F")) {
            return compact.charAt(0) + " " + rest.substring(0, rest.length() - 1) + " F";
        }
        return compact.charAt(0) + " " + rest;
    }

    /** R codes before D codes, then by number, then a suffix (D 9 before D 9 F). */
    private static String sortKey(String normalized) {
        String[] parts = normalized.split(" ");
        String number = parts.length > 1 ? parts[1] : "";
        return ("R".equals(parts[0]) ? "0" : "1") + "%3s".formatted(number) + (parts.length > 2 ? parts[2] : "");
    }

    private static boolean yes(String column) {
        return "yes".equals(column);
    }

    private static Set<BsdType> types(String column) {
        Set<BsdType> types = EnumSet.noneOf(BsdType.class);
        Arrays.stream(column.split(",")).map(BsdType::valueOf).forEach(types::add);
        return Collections.unmodifiableSet(types);
    }

    private static Set<OperationMode> modes(String column) {
        Set<OperationMode> modes = EnumSet.noneOf(OperationMode.class);
        if (!"-".equals(column)) {
            Arrays.stream(column.split(",")).map(OperationMode::valueOf).forEach(modes::add);
        }
        return Collections.unmodifiableSet(modes);
    }

    private static void read(String resource, Consumer<String[]> row) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    row.accept(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
