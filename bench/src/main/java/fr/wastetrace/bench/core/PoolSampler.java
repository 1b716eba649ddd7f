package fr.wastetrace.bench.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where concurrent requests queue inside a service, sampled while a load phase runs: gauges of its
 * {@code /q/metrics} (connection pool, worker pool), read every {@code interval}, kept as their mean and maximum;
 * counters read at the start and the end, so that a mean per event (time waited per connection acquired, say) covers
 * exactly the sampled period. Other sources of gauges (PostgreSQL's lock waits) are added as suppliers.
 */
public final class PoolSampler {
    /** A gauge's samples. */
    public static final class Gauge {
        private double sum;
        private double max = Double.NEGATIVE_INFINITY;
        private int count;

        synchronized void add(double value) {
            sum += value;
            max = Math.max(max, value);
            count++;
        }

        public synchronized double mean() {
            return count == 0 ? Double.NaN : sum / count;
        }

        public synchronized double max() {
            return count == 0 ? Double.NaN : max;
        }

        public synchronized int samples() {
            return count;
        }
    }

    private record Metric(String name, Map<String, String> labels) {
    }

    private final Metrics metrics;
    private final String serviceUrl;
    private final long intervalMillis;
    private final Map<String, Metric> gaugeMetrics = new LinkedHashMap<>();
    private final Map<String, Metric> counterMetrics = new LinkedHashMap<>();
    private final Map<String, Supplier<Map<String, Double>>> extraSources = new LinkedHashMap<>();
    private final Map<String, Gauge> gauges = new LinkedHashMap<>();
    private final Map<String, Double> countersAtStart = new LinkedHashMap<>();
    private final Map<String, Double> counterDeltas = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private ScheduledExecutorService timer;

    public PoolSampler(Metrics metrics, String serviceUrl, long intervalMillis) {
        this.metrics = metrics;
        this.serviceUrl = serviceUrl;
        this.intervalMillis = intervalMillis;
    }

    /** Samples {@code name} (summed over the samples with these labels) as the gauge {@code key}. */
    public PoolSampler gauge(String key, String name, Map<String, String> labels) {
        gaugeMetrics.put(key, new Metric(name, labels));
        return this;
    }

    /** Reads {@code name} at the start and the end: {@link #delta(String)} is its increase. */
    public PoolSampler counter(String key, String name, Map<String, String> labels) {
        counterMetrics.put(key, new Metric(name, labels));
        return this;
    }

    /** Samples gauges from elsewhere: the supplier gives one value per gauge key. */
    public PoolSampler source(String name, Supplier<Map<String, Double>> values) {
        extraSources.put(name, values);
        return this;
    }

    public PoolSampler start() {
        PrometheusText first = metrics.scrape(serviceUrl);
        counterMetrics.forEach((key, m) -> first.sum(m.name(), m.labels()).ifPresent(v -> countersAtStart.put(key, v)));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pool-sampler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    public PoolSampler stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        PrometheusText last = metrics.scrape(serviceUrl);
        counterMetrics.forEach((key, m) -> {
            OptionalDouble end = last.sum(m.name(), m.labels());
            if (end.isPresent() && countersAtStart.containsKey(key)) {
                counterDeltas.put(key, end.getAsDouble() - countersAtStart.get(key));
            }
        });
        return this;
    }

    private void sample() {
        try {
            PrometheusText text = metrics.scrape(serviceUrl);
            gaugeMetrics.forEach((key, m) -> text.sum(m.name(), m.labels()).ifPresent(v -> gauge(key).add(v)));
        } catch (RuntimeException e) {
            failed(serviceUrl + ": " + e.getMessage());
        }
        extraSources.forEach((name, source) -> {
            try {
                source.get().forEach((key, value) -> gauge(key).add(value));
            } catch (RuntimeException e) {
                failed(name + ": " + e.getMessage());
            }
        });
    }

    private synchronized Gauge gauge(String key) {
        return gauges.computeIfAbsent(key, k -> new Gauge());
    }

    private synchronized void failed(String failure) {
        if (failures.size() < 3) {
            failures.add(failure);
        }
    }

    /** The samples of a gauge; none (NaN figures) when the service does not expose it. */
    public synchronized Gauge samples(String key) {
        return gauges.getOrDefault(key, new Gauge());
    }

    /** A counter's increase over the period, NaN when the service does not expose it. */
    public double delta(String key) {
        return counterDeltas.getOrDefault(key, Double.NaN);
    }

    /** "mean 3.2, max 12" of a gauge, or "not exposed". */
    public String meanMax(String key) {
        Gauge g = samples(key);
        return g.samples() == 0 ? "not exposed"
                : String.format(Locale.ROOT, "mean %.1f, max %.0f", g.mean(), g.max());
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
