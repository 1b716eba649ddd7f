package fr.wastetrace.chaos;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The end checks, on the run's BSDs (those of its companies, custom id {@code chaos-<run>-…}):
 * <ol>
 *   <li>every mutation the client saw succeed is there (the form, at that status or further, the status in its log);</li>
 *   <li>no BSD event missing or doubled: the outbox holds versions 1..N once each (N the BSD's version), Kafka holds
 *       each of those events (copies of the same event, redelivered, are counted apart) and no other;</li>
 *   <li>the registers equal a rebuild from scratch: registry-service's {@code rebuild} command replays the BSD topic
 *       into a new, empty database; per register, the lines of the run's BSDs are compared by checksum.</li>
 * </ol>
 */
final class Checks {
    private final Map<String, String> env;
    private final Path root;
    final Map<String, Object> figures = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();

    Checks(Path root, Map<String, String> env) {
        this.root = root;
        this.env = env;
    }

    private Connection db(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + env.get("PG_PORT") + "/" + name,
                env.get("DB_USER"), env.get("DB_PASSWORD"));
    }

    /** The run's BSDs: id to version. */
    Map<String, Long> runBsds(String run) throws SQLException {
        Map<String, Long> bsds = new TreeMap<>();
        try (Connection c = db("bsd"); PreparedStatement q = c.prepareStatement(
                "select id, version from bsdd where custom_id like ?")) {
            q.setString(1, "chaos-" + run + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    bsds.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return bsds;
    }

    void acknowledged(List<Lane.Ack> acks) throws SQLException {
        int missing = 0;
        try (Connection c = db("bsd");
             PreparedStatement form = c.prepareStatement("select status from bsdd where id = ?");
             PreparedStatement log = c.prepareStatement("select count(*) from bsdd_status_log where bsdd_id = ? and status = ?")) {
            for (Lane.Ack ack : acks) {
                form.setString(1, ack.formId());
                String status = null;
                try (ResultSet rs = form.executeQuery()) {
                    if (rs.next()) {
                        status = rs.getString(1);
                    }
                }
                boolean there = status != null && Lane.nextStep(status) >= Lane.nextStep(ack.status());
                log.setString(1, ack.formId());
                log.setString(2, ack.status());
                try (ResultSet rs = log.executeQuery()) {
                    rs.next();
                    there &= rs.getLong(1) == 1;
                }
                if (!there) {
                    missing++;
                    if (missing <= 10) {
                        problems.add("acknowledged " + ack + " not found (form status " + status + ")");
                    }
                }
            }
        }
        figures.put("mutations acknowledged to the client", acks.size());
        figures.put("acknowledged mutations missing", missing);
    }

    void companyMutations(String companyId, List<String> attempted, int lastAcknowledged, long acknowledged) throws SQLException {
        String contact;
        try (Connection c = db("company"); PreparedStatement q = c.prepareStatement("select contact from company where id = ?")) {
            q.setString(1, companyId);
            try (ResultSet rs = q.executeQuery()) {
                contact = rs.next() ? rs.getString(1) : null;
            }
        }
        int index = attempted.indexOf(contact);
        boolean ok = lastAcknowledged < 0 || index >= lastAcknowledged;
        figures.put("company updates acknowledged / sent", acknowledged + " / " + attempted.size());
        figures.put("last acknowledged company update there", ok ? "yes" : "NO");
        if (!ok) {
            problems.add("company contact is " + contact + ", older than the last acknowledged " + attempted.get(lastAcknowledged));
        }
    }

    void events(Map<String, Long> bsds, String topic) throws SQLException {
        Map<String, Map<Long, Set<String>>> outbox = new HashMap<>();
        long outboxRows = 0;
        try (Connection c = db("bsd"); PreparedStatement q = c.prepareStatement(
                "select aggregate_id, version, id::text from outbox_event where aggregate_id = any(?)")) {
            q.setArray(1, c.createArrayOf("text", bsds.keySet().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    outbox.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getLong(2), k -> new HashSet<>()).add(rs.getString(3));
                    outboxRows++;
                }
            }
        }
        long gapsOrDoubles = 0;
        for (Map.Entry<String, Long> bsd : bsds.entrySet()) {
            Map<Long, Set<String>> versions = outbox.getOrDefault(bsd.getKey(), Map.of());
            boolean ok = versions.size() == bsd.getValue();
            for (long v = 1; v <= bsd.getValue(); v++) {
                ok &= versions.getOrDefault(v, Set.of()).size() == 1;
            }
            if (!ok) {
                gapsOrDoubles++;
                problems.add("outbox of " + bsd.getKey() + " (version " + bsd.getValue() + "): " + versions);
            }
        }
        Set<String> outboxIds = new HashSet<>();
        outbox.values().forEach(m -> m.values().forEach(outboxIds::addAll));

        Map<String, Integer> copies = new HashMap<>();
        Map<String, Set<String>> idsByVersion = new HashMap<>();
        long records = 0;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.get("KAFKA_BOOTSTRAP_SERVERS"));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.key() == null || !bsds.containsKey(record.key())) {
                        continue;
                    }
                    records++;
                    EventEnvelope event = EventCodec.decode(record.value());
                    copies.merge(event.id().toString(), 1, Integer::sum);
                    idsByVersion.computeIfAbsent(event.aggregateId() + "@" + event.version(), k -> new HashSet<>())
                            .add(event.id().toString());
                }
            }
        }
        long missing = outboxIds.stream().filter(id -> !copies.containsKey(id)).count();
        long phantom = copies.keySet().stream().filter(id -> !outboxIds.contains(id)).count();
        long conflicting = idsByVersion.values().stream().filter(ids -> ids.size() > 1).count();
        long redelivered = copies.values().stream().mapToLong(n -> n - 1).sum();
        figures.put("BSDs of the run", bsds.size());
        figures.put("BSD events (outbox rows)", outboxRows);
        figures.put("BSDs whose outbox versions are not exactly 1..N once", gapsOrDoubles);
        figures.put("BSD events on Kafka (records, with redeliveries)", records);
        figures.put("events missing on Kafka", missing);
        figures.put("events on Kafka not in the outbox", phantom);
        figures.put("BSD versions with two different events", conflicting);
        figures.put("redelivered copies of an event (same id: no effect)", redelivered);
        if (missing > 0 || phantom > 0 || conflicting > 0) {
            problems.add("events: " + missing + " missing, " + phantom + " unknown, " + conflicting + " conflicting");
        }
    }

    void registers(Map<String, Long> bsds, String run) throws Exception {
        Map<String, Long> applied = new HashMap<>();
        try (Connection c = db("registry"); PreparedStatement q = c.prepareStatement(
                "select aggregate_id, version from applied_bsd_event where aggregate_id = any(?)")) {
            q.setArray(1, c.createArrayOf("text", bsds.keySet().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        long behind = bsds.entrySet().stream().filter(e -> !e.getValue().equals(applied.get(e.getKey()))).count();
        figures.put("BSDs whose register version differs from the BSD's", behind);
        if (behind > 0) {
            problems.add(behind + " BSDs not at their latest version in the registers");
        }
        Map<String, String> live = checksums("registry", bsds);
        String rebuildDb = "chaos_rebuild_" + run;
        try (Connection admin = db("postgres"); Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + rebuildDb);
            s.execute("create database " + rebuildDb);
        }
        try {
            long started = System.nanoTime();
            rebuild(rebuildDb);
            figures.put("rebuild from scratch (s)", String.format("%.1f", (System.nanoTime() - started) / 1e9));
            Map<String, String> rebuilt = checksums(rebuildDb, bsds);
            figures.put("register checksums, live", live);
            figures.put("register checksums, rebuilt", rebuilt);
            figures.put("registers equal to the rebuild", live.equals(rebuilt) ? "yes" : "NO");
            if (!live.equals(rebuilt)) {
                problems.add("registers differ from the rebuild");
            }
        } finally {
            try (Connection admin = db("postgres"); Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + rebuildDb);
            }
        }
    }

    /** Per register: lines and an MD5 of them (organisation, document, BSD, version, sort date, content), ordered. */
    private Map<String, String> checksums(String database, Map<String, Long> bsds) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = db(database); PreparedStatement q = c.prepareStatement(
                "select register, count(*), md5(string_agg(org_id || '|' || document_id || '|' || bsd_id || '|' || version"
                        + " || '|' || sort_at || '|' || data::text, E'\\n' order by org_id, document_id))"
                        + " from register_line where bsd_id = any(?) group by register order by register")) {
            Array ids = c.createArrayOf("text", bsds.keySet().toArray());
            q.setArray(1, ids);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    sums.put(rs.getString(1), rs.getLong(2) + " lines " + rs.getString(3));
                }
            }
        }
        return sums;
    }

    private void rebuild(String database) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-jar",
                root.resolve(".run/apps/registry-service/quarkus-run.jar").toString(), "rebuild");
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_PROFILE", "local");
        builder.environment().put("DB_URL", "jdbc:postgresql://127.0.0.1:" + env.get("PG_PORT") + "/" + database);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                root.resolve(".run/logs/chaos-rebuild.log").toFile()));
        Process process = builder.start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the rebuild did not end in 20 minutes (.run/logs/chaos-rebuild.log)");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the rebuild failed (.run/logs/chaos-rebuild.log)");
        }
    }
}
