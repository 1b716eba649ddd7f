package fr.wastetrace.bench.core;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/** Latency percentiles of one measured phase, in milliseconds, from an HdrHistogram recorded in microseconds. */
public record Latency(long count, double p50, double p99, double p999, double max, double mean) {

    /** A histogram for values in microseconds, from 1 µs to 10 minutes, 3 significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(1, 600_000_000L, 3);
    }

    /** Percentiles of the recorded values; all NaN when nothing was recorded (so that no goal is met by an empty phase). */
    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), micros.getMean() / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    public static String format(double millis) {
        if (Double.isNaN(millis)) {
            return "no sample";
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f ms" : "%.2f ms", millis);
    }

    public String summary() {
        return "p50 " + format(p50) + " · p99 " + format(p99) + " · p999 " + format(p999) + " · max " + format(max);
    }
}
