package fr.wastetrace.company.companies;

/** SIRET numbers: 14 digits whose Luhn checksum is valid (La Poste's establishments follow their own rule). */
public final class Siret {
    private static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    /** Removes the spaces people type between digit groups. */
    public static String clean(String siret) {
        return siret == null ? null : siret.replaceAll("\\s", "");
    }

    public static boolean looksLikeSiret(String value) {
        return value != null && value.matches("\\d{14}");
    }

    public static boolean isValid(String siret) {
        if (!looksLikeSiret(siret)) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN)) {
            // La Poste's establishments share one SIREN: their SIRETs have a digit sum divisible by 5 instead of a
            // Luhn key (the head office's has a Luhn key).
            return luhn(siret) || siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(siret);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
