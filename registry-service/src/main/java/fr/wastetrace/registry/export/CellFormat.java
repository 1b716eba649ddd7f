package fr.wastetrace.registry.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** How a line's value reads in a file: dates as days in France, booleans as Oui/Non, lists comma-separated. */
final class CellFormat {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ExportRequest.FRANCE);

    private CellFormat() {
    }

    static String text(JsonNode value, boolean date) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "Oui" : "Non";
        }
        if (value.isNumber()) {
            return value.numberValue().toString().replace('.', ',');
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item, date)));
            return String.join(", ", items);
        }
        String text = value.asText();
        if (date) {
            try {
                return DAY.format(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }
}
