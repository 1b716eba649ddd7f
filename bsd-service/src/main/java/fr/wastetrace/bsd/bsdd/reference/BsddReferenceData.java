package fr.wastetrace.bsd.bsdd.reference;

import fr.wastetrace.graphql.OperationMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The reference lists a BSDD is checked against, read from the data files under {@code data/}. */
public final class BsddReferenceData {

    /** A processing operation code, whether it is a grouping operation and the modes it allows. */
    public record ProcessingOperation(String code, boolean grouping, Set<OperationMode> modes, String label) {
    }

    /** A packaging type: the most one line may hold, and whether it may be mixed with other types. */
    public record PackagingType(String type, Integer maxQuantity, boolean exclusive, String label) {
    }

    private static final Map<String, String> WASTE_CODES = new LinkedHashMap<>();
    private static final Map<String, ProcessingOperation> OPERATIONS = new LinkedHashMap<>();
    private static final Map<String, PackagingType> PACKAGINGS = new LinkedHashMap<>();

    static {
        read("/data/bsdd-waste-codes.tsv", columns -> WASTE_CODES.put(columns[0], columns[1]));
        read("/data/processing-operations.tsv", columns -> {
            Set<OperationMode> modes = EnumSet.noneOf(OperationMode.class);
            if (!"-".equals(columns[2])) {
                Arrays.stream(columns[2].split(",")).map(OperationMode::valueOf).forEach(modes::add);
            }
            OPERATIONS.put(columns[0], new ProcessingOperation(columns[0], "yes".equals(columns[1]),
                    Collections.unmodifiableSet(modes), columns[3]));
        });
        read("/data/packaging-types.tsv", columns -> PACKAGINGS.put(columns[0], new PackagingType(columns[0],
                "-".equals(columns[1]) ? null : Integer.valueOf(columns[1]), "yes".equals(columns[2]), columns[3])));
    }

    private static final List<String> APPENDIX1_FAMILIES = List.of("13 02 ", "13 05 ", "16 02 ", "16 07 ", "20 01 ");
    private static final Set<String> APPENDIX1_CODES = Set.of("13 01 10*", "13 01 11*", "13 01 12*", "13 01 13*",
            "15 01 10*", "15 02 02*", "16 06 01*", "19 08 10*");

    private BsddReferenceData() {
    }

    public static boolean isBsddWasteCode(String code) {
        return code != null && WASTE_CODES.containsKey(code);
    }

    public static boolean isDangerousWasteCode(String code) {
        return code != null && code.endsWith("*");
    }

    /** Waste codes a dedicated round (appendix 1) may collect (spec bsdd.md §2.8). */
    public static boolean isAppendix1WasteCode(String code) {
        return isDangerousWasteCode(code) && (APPENDIX1_FAMILIES.stream().anyMatch(code::startsWith)
                || APPENDIX1_CODES.contains(code));
    }

    /** A processing operation by its code; {@code "D10"} and {@code "D 10"} are the same code. */
    public static Optional<ProcessingOperation> operation(String code) {
        return Optional.ofNullable(code).map(BsddReferenceData::normalizeOperationCode).map(OPERATIONS::get);
    }

    /** Writes an operation code the way the lists do: letter, space, number (and {@code F} for D 9 F). */
    public static String normalizeOperationCode(String code) {
        String compact = code.replace(" ", "").toUpperCase();
        if (compact.length() < 2) {
            return code;
        }
        String rest = compact.substring(1);
        if (rest.endsWith("F")) {
            return compact.charAt(0) + " " + rest.substring(0, rest.length() - 1) + " F";
        }
        return compact.charAt(0) + " " + rest;
    }

    public static Optional<PackagingType> packaging(String type) {
        return Optional.ofNullable(PACKAGINGS.get(type));
    }

    private static void read(String resource, Consumer<String[]> row) {
        try (InputStream in = BsddReferenceData.class.getResourceAsStream(resource)) {
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
