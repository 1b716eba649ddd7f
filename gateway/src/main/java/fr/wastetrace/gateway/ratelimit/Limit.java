package fr.wastetrace.gateway.ratelimit;

import java.time.Duration;

/** A number of requests per window, written {@code 10/3m}, {@code 1000/60s}, {@code 10/1h}. */
public record Limit(int requests, Duration window) {

    public static Limit parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a limit is written <requests>/<window>, e.g. 10/3m: " + text);
        }
        int requests = Integer.parseInt(parts[0].trim());
        String window = parts[1].trim().toLowerCase();
        long amount = Long.parseLong(window.substring(0, window.length() - 1));
        Duration duration = switch (window.charAt(window.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("window unit must be s, m or h: " + text);
        };
        if (requests < 1 || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a limit needs at least one request over a positive window: " + text);
        }
        return new Limit(requests, duration);
    }
}
