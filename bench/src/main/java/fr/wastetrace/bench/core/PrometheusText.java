package fr.wastetrace.bench.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The samples of a Prometheus text exposition ({@code /q/metrics}), enough to sum a metric over matching labels. */
public final class PrometheusText {
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int brace = trimmed.indexOf('{');
            int space = brace >= 0 ? trimmed.indexOf(' ', trimmed.lastIndexOf('}')) : trimmed.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 ? trimmed.substring(0, brace) : trimmed.substring(0, space);
            Map<String, String> labels = brace >= 0 ? labels(trimmed.substring(brace + 1, trimmed.lastIndexOf('}'))) : Map.of();
            String[] rest = trimmed.substring(space + 1).trim().split(" ");
            try {
                samples.add(new Sample(name, labels, Double.parseDouble(rest[0])));
            } catch (NumberFormatException ignored) {
                // NaN-like values that Java cannot parse are not counters: skip them.
            }
        }
        return new PrometheusText(samples);
    }

    /** Sum of the samples named {@code name} whose labels include every given label; empty when none matches. */
    public OptionalDouble sum(String name, Map<String, String> labels) {
        double total = 0;
        boolean found = false;
        for (Sample sample : samples) {
            if (sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet())) {
                total += sample.value();
                found = true;
            }
        }
        return found ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).trim();
            int open = text.indexOf('"', eq);
            StringBuilder value = new StringBuilder();
            int j = open + 1;
            while (j < text.length() && text.charAt(j) != '"') {
                if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                    j++;
                }
                value.append(text.charAt(j));
                j++;
            }
            labels.put(key, value.toString());
            int comma = text.indexOf(',', j);
            i = comma < 0 ? text.length() : comma + 1;
        }
        return labels;
    }
}
