package fr.wastetrace.bench.core;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load driver: {@code concurrency} lanes each send a request, wait for its answer and send the next,
 * for a warm-up period (not recorded) and then a measured period. Latency is measured per request from send to the
 * complete body; throughput is the number of successful answers in the measured period divided by its length.
 */
public final class LoadDriver {
    private final HttpClient http;

    public LoadDriver(HttpClient http) {
        this.http = http;
    }

    /** {@code completed} counts every answer, warm-up included (to relate server-side counters to requests). */
    public record Result(long ok, long errors, long completed, double seconds, Latency latency, String firstError) {
        public double perSecond() {
            return ok / seconds;
        }
    }

    public Result run(Supplier<HttpRequest> requests, Predicate<HttpResponse<byte[]>> success, int concurrency,
                      Duration warmup, Duration measured) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        CountDownLatch lanes = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            lane(requests, success, recorder, ok, errors, completed, firstError, measureFrom, end, lanes);
        }
        lanes.await();
        Histogram histogram = recorder.getIntervalHistogram();
        return new Result(ok.get(), errors.get(), completed.get(), measured.toNanos() / 1e9, Latency.of(histogram), firstError.get());
    }

    private void lane(Supplier<HttpRequest> requests, Predicate<HttpResponse<byte[]>> success, Recorder recorder,
                      AtomicLong ok, AtomicLong errors, AtomicLong completed, AtomicReference<String> firstError, long measureFrom, long end,
                      CountDownLatch lanes) {
        long sent = System.nanoTime();
        if (sent >= end) {
            lanes.countDown();
            return;
        }
        http.sendAsync(requests.get(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            long done = System.nanoTime();
            completed.incrementAndGet();
            if (sent >= measureFrom && done <= end) {
                boolean good = failure == null && success.test(response);
                if (good) {
                    ok.incrementAndGet();
                    recorder.recordValue(Math.max(1, (done - sent) / 1000));
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, failure != null ? failure.toString()
                            : "HTTP " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
                }
            }
            lane(requests, success, recorder, ok, errors, completed, firstError, measureFrom, end, lanes);
        });
    }
}
