package fr.wastetrace.bench.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Command-line parameters ({@code --name=value}); each benchmark asks for its own with a full-size default and a
 * {@code --quick} default. Parameters nobody asked for are reported, so that a typo does not pass silently.
 */
public final class Options {
    private final Map<String, String> values;
    private final boolean quick;
    private final Set<String> used = new HashSet<>();

    private Options(Map<String, String> values, boolean quick) {
        this.values = values;
        this.quick = quick;
    }

    public static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--")) {
                values.put(arg.substring(2), "true");
            } else {
                throw new IllegalArgumentException("unexpected argument " + arg + " (parameters are --name=value)");
            }
        }
        return new Options(values, quick);
    }

    public boolean quick() {
        return quick;
    }

    public int integer(String name, int full, int quickValue) {
        return Integer.parseInt(text(name, String.valueOf(quick ? quickValue : full)));
    }

    public long number(String name, long full, long quickValue) {
        return Long.parseLong(text(name, String.valueOf(quick ? quickValue : full)).replace("_", ""));
    }

    /** A duration in seconds ({@code 30} or {@code 30s}). */
    public Duration seconds(String name, int full, int quickValue) {
        return Duration.ofSeconds(Long.parseLong(text(name, String.valueOf(quick ? quickValue : full)).replace("s", "")));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(text(name, "false"));
    }

    public String text(String name, String defaultValue) {
        used.add(name);
        return values.getOrDefault(name, defaultValue);
    }

    public Set<String> unused() {
        Set<String> unused = new HashSet<>(values.keySet());
        unused.removeAll(used);
        return unused;
    }
}
