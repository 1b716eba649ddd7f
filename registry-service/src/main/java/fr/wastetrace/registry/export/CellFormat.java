package fr.wastetrace.registry.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/** How a line's value reads in a file: dates as days in France, booleans as Oui/Non, lists comma-separated. */
final class CellFormat {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ExportRequest.FRANCE);
    private static final ZoneRules FRANCE = ExportRequest.FRANCE.getRules();

    private CellFormat() {
    }

    /**
     * A stored value ({@link fr.wastetrace.registry.register.LineColumns}: text, instant, number, boolean or list) as
     * its cell reads, exactly as {@link #text(JsonNode, boolean)} reads the same value in a line's JSON.
     */
    static String text(Object value, boolean date) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return date ? dateText(text) : text;
        }
        if (value instanceof Instant instant) {
            return day(instant);
        }
        if (value instanceof Boolean bool) {
            return bool ? "Oui" : "Non";
        }
        if (value instanceof Double number) {
            return number.toString().replace('.', ',');
        }
        if (value instanceof List<?> list) {
            StringBuilder items = new StringBuilder();
            for (Object item : list) {
                if (!items.isEmpty()) {
                    items.append(", ");
                }
                items.append(text(item, date));
            }
            return items.toString();
        }
        throw new IllegalArgumentException("not a register line value: " + value.getClass());
    }

    /** The day in France of an instant. */
    static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ExportRequest.FRANCE).toString();
    }

    /**
     * The days of one column of a file: keeps the last day computed, since a column's dates come in runs of the same
     * day (the lines are in date order). One per column and per file: not shared between threads.
     */
    static final class Days {
        private long from = Long.MAX_VALUE;
        private long to = Long.MIN_VALUE;
        private String day;

        String of(Instant instant) {
            long second = instant.getEpochSecond();
            if (second >= from && second < to) {
                return day;
            }
            LocalDate date = LocalDate.ofInstant(instant, ExportRequest.FRANCE);
            from = date.atStartOfDay(ExportRequest.FRANCE).toEpochSecond();
            to = date.plusDays(1).atStartOfDay(ExportRequest.FRANCE).toEpochSecond();
            day = date.toString();
            return day;
        }
    }

    /** {@link #text(Object, boolean)}, the days of an instant column taken from its {@link Days}. */
    static String text(Object value, boolean date, Days days) {
        return value instanceof Instant instant ? days.of(instant) : text(value, date);
    }

    private static String dateText(String text) {
        String day = utcInstantDay(text);
        if (day != null) {
            return day;
        }
        try {
            return DAY.format(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
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
            return dateText(text);
        }
        return text;
    }

    /**
     * The day in France of an instant written {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (how the registers store
     * them), without the general parser and formatter, which cost more than the rest of a line's cell; null for any
     * other text, which then takes the general path. A fraction of a second never changes the day: offsets are whole
     * seconds.
     */
    static String utcInstantDay(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z' || (n > 20 && (text.charAt(19) != '.' || n == 21))) {
            return null;
        }
        for (int i = 20; i < n - 1; i++) {
            if (!digit(text.charAt(i))) {
                return null;
            }
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int dayOfMonth = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (year < 0 || month < 0 || dayOfMonth < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, dayOfMonth).toEpochDay();
        } catch (DateTimeException invalid) {
            return null;
        }
        long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
        int offset = FRANCE.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + offset, 86_400)).toString();
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!digit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
