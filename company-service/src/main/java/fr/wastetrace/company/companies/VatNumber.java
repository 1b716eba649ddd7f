package fr.wastetrace.company.companies;

import java.util.Map;
import java.util.regex.Pattern;

/** EU VAT numbers (and the United Kingdom's): the country prefix and the national format, without checksum. */
public final class VatNumber {
    private static final Map<String, Pattern> FORMATS = Map.ofEntries(
            Map.entry("AT", Pattern.compile("U\\d{8}")),
            Map.entry("BE", Pattern.compile("[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("\\d{9,10}")),
            Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("\\d{8,10}")),
            Map.entry("DE", Pattern.compile("\\d{9}")),
            Map.entry("DK", Pattern.compile("\\d{8}")),
            Map.entry("EE", Pattern.compile("\\d{9}")),
            Map.entry("EL", Pattern.compile("\\d{9}")),
            Map.entry("ES", Pattern.compile("[A-Z0-9]\\d{7}[A-Z0-9]")),
            Map.entry("FI", Pattern.compile("\\d{8}")),
            Map.entry("FR", Pattern.compile("[A-HJ-NP-Z0-9]{2}\\d{9}")),
            Map.entry("HR", Pattern.compile("\\d{11}")),
            Map.entry("HU", Pattern.compile("\\d{8}")),
            Map.entry("IE", Pattern.compile("\\d[A-Z0-9+*]\\d{5}[A-Z]{1,2}")),
            Map.entry("IT", Pattern.compile("\\d{11}")),
            Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")),
            Map.entry("LU", Pattern.compile("\\d{8}")),
            Map.entry("LV", Pattern.compile("\\d{11}")),
            Map.entry("MT", Pattern.compile("\\d{8}")),
            Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("\\d{10}")),
            Map.entry("PT", Pattern.compile("\\d{9}")),
            Map.entry("RO", Pattern.compile("\\d{2,10}")),
            Map.entry("SE", Pattern.compile("\\d{12}")),
            Map.entry("SI", Pattern.compile("\\d{8}")),
            Map.entry("SK", Pattern.compile("\\d{10}")),
            Map.entry("XI", Pattern.compile("\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}")),
            Map.entry("GB", Pattern.compile("\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}")));

    private VatNumber() {
    }

    /** Upper case, without the spaces, dots and dashes people type. */
    public static String clean(String vat) {
        return vat == null ? null : vat.replaceAll("[\\s.\\-]", "").toUpperCase();
    }

    /** Whether the value starts like a VAT number (two letters): used to tell a VAT clue from a SIRET or a name. */
    public static boolean looksLikeVat(String value) {
        return value != null && value.matches("[A-Za-z]{2}[0-9A-Za-z+*]{2,13}") && value.chars().anyMatch(Character::isDigit);
    }

    public static boolean isValid(String vat) {
        if (vat == null || vat.length() < 4) {
            return false;
        }
        Pattern format = FORMATS.get(vat.substring(0, 2));
        return format != null && format.matcher(vat.substring(2)).matches();
    }

    public static boolean isFrench(String vat) {
        return vat != null && vat.startsWith("FR");
    }
}
