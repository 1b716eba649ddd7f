package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.core.Latency;

import java.util.Locale;

/** Number formatting shared by the benchmarks' reports. */
final class Support {
    private Support() {
    }

    static String perSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f/s", value);
    }

    static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    static String mib(double value) {
        return String.format(Locale.ROOT, "%.0f MiB", value);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    static String ms(double value) {
        return Latency.format(value);
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
