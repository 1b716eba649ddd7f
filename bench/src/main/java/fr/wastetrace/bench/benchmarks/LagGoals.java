package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.report.Report;
import org.HdrHistogram.Histogram;

/**
 * The goal checks of the {@code lag} benchmark. A percentile goal is judged on every timed transition: those seen in
 * the change log with their measured lag, and those never seen within the drain, which count as longer than any bound
 * (their lag is unknown but exceeds the drain). So one unseen transition out of 1,878 does not fail a p99 goal that the
 * 1,877 others meet, while a phase where more than 1% stay invisible cannot meet it. Whether every transition became
 * visible is a goal of its own ("all visible").
 */
final class LagGoals {
    private LagGoals() {
    }

    /**
     * Whether the {@code percentile}-th percentile of the lags (microseconds in {@code lags}, plus {@code unseen}
     * transitions counted as infinite) is at most {@code boundMillis}. A phase with nothing timed meets no goal.
     */
    static boolean percentileWithin(Histogram lags, long unseen, double percentile, long boundMillis) {
        long total = lags.getTotalCount() + unseen;
        if (total == 0 || lags.getTotalCount() == 0) {
            return false;
        }
        long within = lags.getCountBetweenValues(0, boundMillis * 1000);
        return within >= Math.ceil(total * percentile / 100.0);
    }

    static Report.Verdict p50(Histogram lags, long unseen) {
        return Report.Verdict.of(percentileWithin(lags, unseen, 50, 300));
    }

    static Report.Verdict p99(Histogram lags, long unseen) {
        return Report.Verdict.of(percentileWithin(lags, unseen, 99, 1000));
    }

    /** The rate was held (at least 95% of the ticks sent), every timed transition became visible, no mutation failed. */
    static Report.Verdict heldAndVisible(double achievedRate, int rate, long unseen, long errors) {
        return Report.Verdict.of(achievedRate >= rate * 0.95 && unseen == 0 && errors == 0);
    }
}
