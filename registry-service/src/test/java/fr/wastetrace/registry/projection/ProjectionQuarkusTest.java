package fr.wastetrace.registry.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.kafka.consumer.DeadLetters;
import fr.wastetrace.registry.RegistryFixture;
import fr.wastetrace.registry.config.KafkaClients;
import fr.wastetrace.registry.config.RegistryConfig;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.wastetrace.registry.BsddStates.*;
import static fr.wastetrace.registry.RegistryFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The projection on the real topics and database: version guard, dead letters, restarts and rebuilds. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class ProjectionQuarkusTest {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    @Inject
    RegistryFixture fixture;
    @Inject
    ProjectionConsumer consumer;
    @Inject
    RegisterRebuild rebuild;
    @Inject
    KafkaClients kafka;
    @Inject
    RegistryConfig config;
    @Inject
    RegisterProjection registers;

    @Test
    void aBsddTakenThroughTheDirectRouteReachesEveryRegister() {
        String id = prefix() + "direct";
        ObjectNode form = sealed(id, "BSD-20260401-DIRECT001", T0);
        fixture.publish(upserted(form, 1, Instant.now()));
        fixture.publish(upserted(sent(form, T0.plusSeconds(3600)), 2, Instant.now()));
        fixture.publish(upserted(received(form, T0.plusSeconds(7200)), 3, Instant.now()));
        fixture.awaitApplied(id, 3);
        assertEquals(List.of("ALL|" + EMITTER, "ALL|" + TRANSPORTER, "ALL|" + DESTINATION, "ALL|" + TRADER,
                        "INCOMING|" + DESTINATION, "MANAGED|" + TRADER, "OUTGOING|" + EMITTER, "TRANSPORTED|" + TRANSPORTER),
                fixture.strings("select register || '|' || org_id from register_line where bsd_id = ? order by 1", id));
    }

    @Test
    void repeatedAndOutOfOrderEventsLeaveTheRegisterUnchanged() {
        String id = prefix() + "order";
        ObjectNode form = sealed(id, "BSD-20260401-ORDER0001", T0);
        EventEnvelope v1 = upserted(form, 1, Instant.now());
        EventEnvelope v2 = upserted(sent(form, T0.plusSeconds(60)), 2, Instant.now());
        EventEnvelope v3 = upserted(received(form, T0.plusSeconds(120)), 3, Instant.now());
        fixture.publish(v1);
        fixture.publish(v3);
        fixture.awaitApplied(id, 3);
        List<String> afterV3 = fixture.snapshot(id);
        long changes = changeCount(id);
        assertEquals(8, afterV3.size());

        fixture.publish(v2);
        fixture.publish(v1);
        fixture.publish(v3);
        fixture.publish(v2);
        String probe = prefix() + "probe-after-order";
        fixture.publish(new EventEnvelope(UUID.randomUUID(), "platform.probe", "platform", probe, 1, Instant.now(), 1,
                EventCodec.mapper().createObjectNode()));
        fixture.awaitApplied(probe, 1);

        assertEquals(afterV3, fixture.snapshot(id));
        assertEquals(changes, changeCount(id), "stale events add nothing to the change log");
        assertEquals(3, fixture.longValue("select version from applied_bsd_event where aggregate_id = ?", id));
    }

    @Test
    void aPollOfInterleavedVersionsGivesTheSameRegistersAndChangeLogAsOneEventAtATime() throws Exception {
        String polled = prefix() + "poll-";
        String single = prefix() + "single-";
        List<EventEnvelope> poll = interleavedVersions(polled, "PL");
        List<EventEnvelope> oneByOne = interleavedVersions(single, "SG");

        List<RegisterProjection.Outcome> pollOutcomes = registers.applyAll(poll);
        List<RegisterProjection.Outcome> singleOutcomes = new ArrayList<>();
        for (EventEnvelope event : oneByOne) {
            singleOutcomes.add(registers.apply(event));
        }

        var applied = RegisterProjection.Outcome.APPLIED;
        var stale = RegisterProjection.Outcome.STALE;
        assertEquals(List.of(applied, applied, applied, applied, applied, applied, stale, applied, applied, applied, stale), pollOutcomes);
        assertEquals(singleOutcomes, pollOutcomes);
        assertEquals(normalised(fixture.snapshot(single), single, "SG"), normalised(fixture.snapshot(polled), polled, "PL"));
        String changes = "select bsd_id || '|' || operation || '|' || register || '|' || org_id || '|' || document_id || '|' || version "
                + "from register_change where bsd_id like ? order by seq";
        // Per BSD, the same entries, version after version (BSDs may interleave differently, and the entries of one
        // event, which commit together, in another order).
        for (String bsd : List.of("a", "b", "c", "d")) {
            assertEquals(byVersion(normalised(fixture.strings(changes, single + bsd), single, "SG")),
                    byVersion(normalised(fixture.strings(changes, polled + bsd), polled, "PL")), "change log of " + bsd);
        }
        assertEquals(2 * 7 + 8, fixture.snapshot(polled).size(), "a: received (8 lines), b: sent (7), c: deleted (0), d: sent (7)");
        assertEquals(3, fixture.longValue("select version from applied_bsd_event where aggregate_id = ?", polled + "a"));
        assertEquals(3, fixture.longValue("select version from applied_bsd_event where aggregate_id = ?", polled + "c"));
    }

    /**
     * Three versions of BSDs a and c, two of b, one of d, interleaved as a poll across keys would hold them, with an
     * older version of a repeated after its newest and a repeated version of d.
     */
    private static List<EventEnvelope> interleavedVersions(String prefix, String tag) {
        Instant at = Instant.now();
        ObjectNode a = sealed(prefix + "a", "BSD-20260401-" + tag + "A00001", T0);
        ObjectNode b = sealed(prefix + "b", "BSD-20260401-" + tag + "B00001", T0.plusSeconds(1));
        ObjectNode c = sealed(prefix + "c", "BSD-20260401-" + tag + "C00001", T0.plusSeconds(2));
        ObjectNode d = sealed(prefix + "d", "BSD-20260401-" + tag + "D00001", T0.plusSeconds(3));
        EventEnvelope a1 = upserted(a.deepCopy(), 1, at);
        EventEnvelope b1 = upserted(b.deepCopy(), 1, at);
        EventEnvelope a2 = upserted(sent(a, T0.plusSeconds(60)).deepCopy(), 2, at);
        EventEnvelope c1 = upserted(sent(c, T0.plusSeconds(61)).deepCopy(), 1, at);
        EventEnvelope b2 = upserted(sent(b, T0.plusSeconds(62)).deepCopy(), 2, at);
        EventEnvelope a3 = upserted(received(a, T0.plusSeconds(120)).deepCopy(), 3, at);
        EventEnvelope c2 = upserted(received(c, T0.plusSeconds(121)).deepCopy(), 2, at);
        EventEnvelope d1 = upserted(sent(d, T0.plusSeconds(63)).deepCopy(), 1, at);
        EventEnvelope c3 = deleted(c.deepCopy(), 3, at);
        return List.of(a1, b1, a2, c1, b2, a3, a2, c2, d1, c3, d1);
    }

    /** Change-log rows grouped by version, in version order; each version's rows sorted. */
    private static java.util.TreeMap<Long, List<String>> byVersion(List<String> rows) {
        java.util.TreeMap<Long, List<String>> versions = new java.util.TreeMap<>();
        long previous = 0;
        for (String row : rows) {
            long version = Long.parseLong(row.split("\\|")[5]);
            assertTrue(version >= previous, "versions in order: " + row);
            previous = version;
            versions.computeIfAbsent(version, v -> new ArrayList<>()).add(row);
        }
        versions.values().forEach(java.util.Collections::sort);
        return versions;
    }

    private static List<String> normalised(List<String> rows, String prefix, String tag) {
        return rows.stream().map(row -> row.replace(prefix, "<id>").replace("-" + tag, "-<tag>")).toList();
    }

    @Test
    void unknownEventTypesAreRecordedAndOtherwiseIgnored() {
        String probe = prefix() + "probe";
        fixture.publish(new EventEnvelope(UUID.randomUUID(), "platform.probe", "platform", probe, 7, Instant.now(), 1,
                EventCodec.mapper().createObjectNode().put("hello", "world")));
        fixture.awaitApplied(probe, 7);
        assertEquals(List.of("platform.probe|platform"),
                fixture.strings("select event_type || '|' || aggregate_type from applied_bsd_event where aggregate_id = ?", probe));
        assertEquals(0, fixture.longValue("select count(*) from register_line where bsd_id = ?", probe));
    }

    @Test
    void aDeletedBsdLeavesEveryRegister() {
        String id = prefix() + "deleted";
        ObjectNode form = sent(sealed(id, "BSD-20260401-DELETED01", T0), T0.plusSeconds(60));
        fixture.publish(upserted(form, 1, Instant.now()));
        fixture.awaitApplied(id, 1);
        assertEquals(7, fixture.snapshot(id).size(), "outgoing, managed, transported, and 4 exhaustive registers");
        fixture.publish(deleted(form, 2, Instant.now()));
        fixture.awaitApplied(id, 2);
        assertEquals(List.of(), fixture.snapshot(id));
        assertEquals(7, fixture.longValue("select count(*) from register_change where bsd_id = ? and operation = 'DELETE'", id));
    }

    @Test
    void malformedAndUnmappableEventsGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String garbageKey = prefix() + "garbage";
        fixture.publishRaw(garbageKey, "{ this is not an envelope");
        String unmappable = prefix() + "unmappable";
        ObjectNode broken = sent(sealed(unmappable, "BSD-20260401-BROKEN001", T0), T0);
        broken.put("sentAt", "not a date");
        fixture.publish(upserted(broken, 1, Instant.now()));
        String after = prefix() + "after-poison";
        fixture.publish(upserted(sent(sealed(after, "BSD-20260401-AFTER0001", T0), T0), 1, Instant.now()));
        fixture.awaitApplied(after, 1);

        List<ConsumerRecord<String, String>> parked = deadLetters(List.of(garbageKey, unmappable));
        assertEquals(2, parked.size());
        for (ConsumerRecord<String, String> record : parked) {
            assertEquals(config.topics().bsdEvents(), header(record, DeadLetters.HEADER_TOPIC));
            assertFalse(header(record, DeadLetters.HEADER_ERROR_MESSAGE).isBlank());
            assertEquals(ProjectionConsumer.LOOP, header(record, DeadLetters.HEADER_CONSUMER));
        }
        assertEquals(-1, fixture.longValue("select version from applied_bsd_event where aggregate_id = ?", unmappable));
    }

    @Test
    void aConsumerStoppedMidStreamResumesWithNothingLostOrDoubled() {
        String prefix = prefix() + "restart-";
        int bsds = 40;
        List<ObjectNode> forms = new ArrayList<>();
        for (int i = 0; i < bsds; i++) {
            forms.add(sealed(prefix + i, "BSD-20260401-RST" + String.format("%06d", i), T0.plusSeconds(i)));
        }
        long handledBefore = consumer.handledCount();
        for (int i = 0; i < bsds; i++) {
            fixture.publish(upserted(forms.get(i), 1, Instant.now()));
            fixture.publish(upserted(sent(forms.get(i), T0.plusSeconds(600 + i)), 2, Instant.now()));
            if (i == bsds / 2) {
                await("some events handled", () -> consumer.handledCount() > handledBefore);
                consumer.stop();
                assertFalse(consumer.isRunning());
            }
        }
        consumer.start();
        for (int i = 0; i < bsds; i++) {
            fixture.awaitApplied(prefix + i, 2);
        }
        assertEquals(bsds * 7L, fixture.snapshot(prefix).size(), "7 lines per sent BSDD");
        assertEquals(bsds * 7L, fixture.longValue("select count(*) from register_change where bsd_id like ?", prefix + "%"),
                "each line was written once");
        assertTrue(consumer.isRunning());
    }

    @Test
    void aRebuildGivesExactlyTheSameLines() throws Exception {
        String prefix = prefix() + "rebuild-";
        for (int i = 0; i < 10; i++) {
            ObjectNode form = sealed(prefix + i, "BSD-20260401-RBD" + String.format("%06d", i), T0.plusSeconds(i));
            fixture.publish(upserted(form, 1, Instant.now()));
            fixture.publish(upserted(sent(form, T0.plusSeconds(100 + i)), 2, Instant.now()));
            if (i % 2 == 0) {
                fixture.publish(upserted(received(form, T0.plusSeconds(200 + i)), 3, Instant.now()));
            }
        }
        fixture.awaitApplied(prefix + "9", 2);
        fixture.awaitApplied(prefix + "8", 3);
        List<String> before = fixture.snapshot(prefix);
        assertEquals(5 * 7 + 5 * 8, before.size());
        fixture.execute("update register_line set id = 'corrupted', waste_code = null, transporter_number_plates = '{}' where bsd_id = ?",
                prefix + "3");
        fixture.execute("insert into register_line (register, org_id, document_id, bsd_id, version, sort_at, bsd_type) "
                + "values ('ALL', 'nobody', 'BSD-ORPHAN', ?, 1, now(), 'BSDD')", prefix + "orphan");

        RegisterRebuild.Summary summary = rebuild.run();

        assertEquals(before, fixture.snapshot(prefix));
        assertTrue(summary.events() >= 25);
        assertTrue(summary.orphansRemoved() >= 1);
    }

    /**
     * The rebuild parks what it cannot apply on the dead-letter topic, as the live projection does (its own name in
     * the consumer header), and goes on: the lines of the other BSDs are rebuilt.
     */
    @Test
    void aRebuildParksWhatItCannotApplyOnTheDeadLetterTopic() throws Exception {
        String prefix = prefix() + "rebuild-poison-";
        String garbageKey = prefix + "garbage";
        fixture.publishRaw(garbageKey, "{ not an envelope either");
        String after = prefix + "after";
        fixture.publish(upserted(sent(sealed(after, "BSD-20260401-RBDPOISON1", T0), T0), 1, Instant.now()));
        fixture.awaitApplied(after, 1);
        List<String> before = fixture.snapshot(prefix);

        RegisterRebuild.Summary summary = rebuild.run();

        assertTrue(summary.skipped() >= 1, "the malformed record is counted as skipped");
        List<ConsumerRecord<String, String>> parked = deadLetters(List.of(garbageKey), "registry-rebuild");
        assertEquals(1, parked.size());
        assertEquals(config.topics().bsdEvents(), header(parked.get(0), DeadLetters.HEADER_TOPIC));
        assertEquals("{ not an envelope either", parked.get(0).value());
        assertEquals(before, fixture.snapshot(prefix), "the other BSDs' lines are rebuilt");
    }

    private long changeCount(String bsdId) {
        return fixture.longValue("select count(*) from register_change where bsd_id = ?", bsdId);
    }

    /** The projection's dead letters of these keys (a rebuild may have parked the same records again). */
    private List<ConsumerRecord<String, String>> deadLetters(List<String> keys) {
        return deadLetters(keys, ProjectionConsumer.LOOP);
    }

    private List<ConsumerRecord<String, String>> deadLetters(List<String> keys, String consumer) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> dlt = kafka.standaloneConsumer()) {
            String topic = DeadLetters.topicOf(config.topics().bsdEvents());
            await("dead-letter topic", () -> !dlt.partitionsFor(topic).isEmpty());
            List<TopicPartition> partitions = dlt.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            dlt.assign(partitions);
            dlt.seekToBeginning(partitions);
            await("dead letters " + keys, () -> {
                for (ConsumerRecord<String, String> record : dlt.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key()) && consumer.equals(header(record, DeadLetters.HEADER_CONSUMER))) {
                        found.add(record);
                    }
                }
                return found.size() >= keys.size();
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
