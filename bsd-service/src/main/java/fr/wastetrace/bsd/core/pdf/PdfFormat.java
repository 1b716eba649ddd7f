package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.TransportMode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How values read on a French BSD, whatever its type: dates in Paris time, quantities with a decimal comma, labels of
 * the enums every type shares. A type's own labels live beside its pages.
 */
public final class PdfFormat {
    /** Dates on a BSDD are those of mainland France, wherever the server runs. */
    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(FRANCE);
    private static final char NO_BREAK_SPACE = '\u00a0';

    private PdfFormat() {
    }

    /** {@code 27/11/2026}; empty when there is no date. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** {@code 27/11/2026 à 14:05}; empty when there is no date. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE.format(instant) + " à " + TIME.format(instant);
    }

    /**
     * A number as written in French: decimal comma, thousands separated by a no-break space, at most six decimals
     * (grams, for tonnes) and no trailing zeros: {@code 12 500,25}. Empty when there is no number.
     */
    public static String number(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append(NO_BREAK_SPACE);
            }
            grouped.append(integer.charAt(i));
        }
        if (dot >= 0) {
            grouped.append(',').append(plain.substring(dot + 1));
        }
        return (rounded.signum() < 0 ? "-" : "") + grouped;
    }

    /** A quantity of waste: {@code 1,5 t}; empty when there is none. */
    public static String tonnes(Double value) {
        String number = number(value);
        return number.isEmpty() ? "" : number + NO_BREAK_SPACE + "t";
    }

    /** {@code oui} / {@code non}; empty when unknown. */
    public static String yesNo(Boolean value) {
        return value == null ? "" : value ? "oui" : "non";
    }

    /** The non-blank values, in order, separated by {@code separator}. */
    public static String join(String separator, Collection<String> values) {
        return values == null ? "" : values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty())
                .collect(Collectors.joining(separator));
    }

    public static String label(QuantityType type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case REAL -> "réelle";
            case ESTIMATED -> "estimée";
        };
    }

    public static String label(TransportMode mode) {
        if (mode == null) {
            return "";
        }
        return switch (mode) {
            case ROAD -> "route";
            case RAIL -> "voie ferrée";
            case AIR -> "voie aérienne";
            case RIVER -> "voie fluviale";
            case SEA -> "voie maritime";
            case OTHER -> "autre";
            case UNKNOWN -> "non précisé";
        };
    }

    public static String label(OperationMode mode) {
        if (mode == null) {
            return "";
        }
        return switch (mode) {
            case REUTILISATION -> "réutilisation";
            case RECYCLAGE -> "recyclage";
            case VALORISATION_ENERGETIQUE -> "valorisation énergétique";
            case AUTRES_VALORISATIONS -> "autres valorisations";
            case ELIMINATION -> "élimination";
            case UNKNOWN -> "non précisé";
        };
    }
}
