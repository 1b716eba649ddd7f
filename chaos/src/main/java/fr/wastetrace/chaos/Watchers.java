package fr.wastetrace.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the campaign observes while it runs, each on a thread of its own that survives whatever it watches being
 * killed: the API through the gateway, one probe per subgraph (every 250 ms); each service's readiness and the state
 * of the relays it runs (every 250 ms); and the arrival of events on the Kafka topics.
 */
final class Watchers {
    /** One observation: when, what, whether it was good, and a detail (a relay's state). */
    record Sample(Instant at, String what, boolean ok, String detail) {
    }

    /** A Kafka record seen arriving, with the time its event was committed (its {@code occurredAt}). */
    record Arrival(Instant at, String topic, String key, Instant occurredAt) {
    }

    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    void start(Api api, Accounts accounts, Map<String, String> readinessUrls, String bootstrap, List<String> topics) {
        probe("api:bsd-service", () -> api.call(accounts.token(accounts.producer), "{ forms(first: 1) { id } }", Map.of(),
                Duration.ofSeconds(5)));
        probe("api:company-service", () -> api.call(accounts.token(accounts.producer), "{ me { id } }", Map.of(),
                Duration.ofSeconds(5)));
        probe("api:registry-service", () -> api.call(accounts.token(accounts.destination),
                "query($s: [String!]!) { incomingWastes(sirets: $s, first: 1) { totalCount } }",
                Map.of("s", List.of(accounts.destination.siret())), Duration.ofSeconds(5)));
        readinessUrls.forEach((service, url) -> loop("ready:" + service, () -> {
            HttpResponse<String> response = api.get(url);
            String relay = "";
            if (response != null) {
                try {
                    for (JsonNode check : Api.JSON.readTree(response.body()).path("checks")) {
                        if (check.path("name").asText().equals("outbox-relay")) {
                            relay = check.path("data").path("state").asText();
                        }
                    }
                } catch (Exception ignored) {
                    // not JSON: not ready
                }
            }
            samples.add(new Sample(Instant.now(), "ready:" + service, response != null && response.statusCode() == 200, relay));
        }));
        Thread kafka = new Thread(() -> watchKafka(bootstrap, topics), "chaos-kafka-watch");
        kafka.setDaemon(true);
        kafka.start();
        threads.add(kafka);
    }

    private interface Call {
        void run() throws Exception;
    }

    private void probe(String what, Call call) {
        loop(what, () -> {
            boolean ok;
            try {
                call.run();
                ok = true;
            } catch (Exception e) {
                ok = false;
            }
            samples.add(new Sample(Instant.now(), what, ok, ""));
        });
    }

    private void loop(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            while (!stopping) {
                try {
                    body.run();
                } catch (RuntimeException e) {
                    samples.add(new Sample(Instant.now(), name, false, e.toString()));
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "chaos-" + name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private void watchKafka(String bootstrap, List<String> topics) {
        while (!stopping) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "chaos-watch-" + UUID.randomUUID().toString().substring(0, 6));
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : topics) {
                    for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                        partitions.add(new TopicPartition(topic, info.partition()));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                while (!stopping) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        Instant at = Instant.now();
                        Instant occurred = decode(record.value()).map(EventEnvelope::occurredAt).orElse(Instant.EPOCH);
                        arrivals.add(new Arrival(at, record.topic(), record.key(), occurred));
                    }
                }
            } catch (RuntimeException e) {
                // Kafka restarting: start again from the end (arrivals during the gap are not needed, only the next one)
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    void stop() {
        stopping = true;
        threads.forEach(Thread::interrupt);
    }

    List<Sample> samples() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return new ArrayList<>(arrivals);
        }
    }

    Optional<Sample> first(Instant after, Predicate<Sample> matching) {
        return samples().stream().filter(s -> !s.at().isBefore(after)).filter(matching).findFirst();
    }

    /**
     * How long {@code what} was gone after {@code from}: from {@code from} to its first good sample after a bad one
     * (zero when no bad sample came within {@code grace}); empty when it never came back before {@code until}.
     */
    Optional<Duration> gone(String what, Instant from, Duration grace, Instant until) {
        Optional<Sample> bad = first(from, s -> s.what().equals(what) && !s.ok());
        if (bad.isEmpty() || bad.get().at().isAfter(from.plus(grace))) {
            return Optional.of(Duration.ZERO);
        }
        return first(bad.get().at(), s -> s.what().equals(what) && s.ok()).filter(s -> s.at().isBefore(until))
                .map(s -> Duration.between(from, s.at()));
    }

    /** The service whose readiness last showed an ACTIVE relay of {@code candidates} before {@code at}. */
    Optional<String> relayHolder(List<String> candidates, Instant at) {
        String holder = null;
        for (Sample s : samples()) {
            if (s.at().isAfter(at)) {
                break;
            }
            for (String candidate : candidates) {
                if (s.what().equals("ready:" + candidate) && "ACTIVE".equals(s.detail())) {
                    holder = candidate;
                }
            }
        }
        return Optional.ofNullable(holder);
    }

    Optional<Arrival> firstArrival(String topic, Instant after) {
        return arrivals().stream().filter(a -> a.topic().equals(topic) && a.at().isAfter(after)).findFirst();
    }

    /** The first event committed after {@code after} to reach the topic. */
    Optional<Arrival> firstCommittedAfter(String topic, Instant after) {
        return arrivals().stream().filter(a -> a.topic().equals(topic) && a.occurredAt().isAfter(after)).findFirst();
    }

    static Optional<EventEnvelope> decode(String value) {
        try {
            return Optional.of(EventCodec.decode(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
