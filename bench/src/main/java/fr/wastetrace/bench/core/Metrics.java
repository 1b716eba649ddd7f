package fr.wastetrace.bench.core;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a service's Prometheus metrics ({@code GET /q/metrics}). */
public final class Metrics {
    private final HttpClient http;

    public Metrics(HttpClient http) {
        this.http = http;
    }

    public PrometheusText scrape(String serviceUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(serviceUrl + "/q/metrics answered HTTP " + response.statusCode());
            }
            return PrometheusText.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(serviceUrl + "/q/metrics unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
