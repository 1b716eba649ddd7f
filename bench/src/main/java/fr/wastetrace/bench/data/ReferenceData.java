package fr.wastetrace.bench.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real reference lists bsd-service validates against ({@code bsd-service/src/main/resources/data/*.tsv}): waste
 * codes, processing operations with their operation modes, packaging types.
 */
public record ReferenceData(List<WasteCode> wasteCodes, List<Operation> finalOperations, List<String> packagings) {

    public record WasteCode(String code, String description) {
        public boolean dangerous() {
            return code.endsWith("*");
        }
    }

    /** An operation that ends the waste's journey (no next destination), with the modes it allows. */
    public record Operation(String code, List<String> modes) {
    }

    public static ReferenceData load(Path root) {
        Path data = root.resolve("bsd-service/src/main/resources/data");
        List<WasteCode> codes = new ArrayList<>();
        for (String[] row : rows(data.resolve("waste-codes.tsv"))) {
            if (Arrays.asList(row[1].split(",")).contains("BSDD")) {
                codes.add(new WasteCode(row[0], row[2]));
            }
        }
        List<Operation> operations = new ArrayList<>();
        for (String[] row : rows(data.resolve("processing-operations.tsv"))) {
            // Grouping operations need a next destination, and R 0 is only accepted as an operation done.
            if (row[1].equals("no") && !row[0].equals("R 0")) {
                operations.add(new Operation(row[0], row[3].equals("-") ? List.of() : Arrays.asList(row[3].split(","))));
            }
        }
        List<String> packagings = new ArrayList<>();
        for (String[] row : rows(data.resolve("packaging-types.tsv"))) {
            // AUTRE needs a free-text description; the others are enough for realistic forms.
            if (row[0].equals("BSDD") && !row[1].equals("AUTRE")) {
                packagings.add(row[1]);
            }
        }
        return new ReferenceData(List.copyOf(codes), List.copyOf(operations), List.copyOf(packagings));
    }

    private static List<String[]> rows(Path tsv) {
        try {
            return Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("reference data missing: " + tsv, e);
        }
    }
}
