package fr.wastetrace.registry.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.registry.BsdaStates;
import fr.wastetrace.registry.BsdasriStates;
import fr.wastetrace.registry.BsddStates;
import fr.wastetrace.registry.BsffStates;
import fr.wastetrace.registry.BspaohStates;
import fr.wastetrace.registry.BsvhuStates;
import fr.wastetrace.registry.RegistryFixture;
import fr.wastetrace.registry.register.Columns;
import fr.wastetrace.registry.register.RegisterType;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static fr.wastetrace.registry.RegistryFixture.graphql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registers' content, fixed: a set of events of the six BSD types (fixed ids, dates and companies of their own)
 * gives registers whose GraphQL answers (every field of each register's type), CSV files and XLSX sheets are compared,
 * byte for byte, with golden files recorded from the JSON-document storage of the lines (commit e725562, before the
 * lines became columns). Run with {@code -Dgolden.record=true} to write the golden files instead of comparing (only
 * when a change of content is intended).
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class RegisterContentGoldenQuarkusTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/registers");
    private static final boolean RECORD = Boolean.getBoolean("golden.record");
    private static final String READER = "golden-reader";
    private static final Instant T = Instant.parse("2026-03-02T09:15:30Z");
    /** Every SIRET of the fixtures' states becomes one of this test's own (leading digit 0): no other test's lines mix in. */
    private static final Pattern SIRET = Pattern.compile("\"(\\d)(\\d{13})\"");

    @Inject
    RegistryFixture fixture;

    @Test
    void registersAnswerAndExportExactlyAsRecorded() throws IOException {
        List<EventEnvelope> events = events();
        Set<String> sirets = new LinkedHashSet<>();
        for (EventEnvelope event : events) {
            Matcher m = SIRET.matcher(event.payload().toString());
            while (m.find()) {
                sirets.add(m.group(1) + m.group(2));
            }
        }
        List<String> orgIds = sirets.stream().sorted().toList();
        for (String siret : orgIds) {
            fixture.company("golden-company-" + siret, siret, 1, Map.of(READER, UserRole.READER));
        }
        for (EventEnvelope event : events) {
            fixture.publish(event);
        }
        for (EventEnvelope event : events) {
            fixture.awaitApplied(event.aggregateId(), event.version());
        }
        Map<String, byte[]> actual = new TreeMap<>();
        for (RegisterType register : RegisterType.values()) {
            String name = register.name().toLowerCase();
            actual.put(name + ".json", query(register, orgIds).getBytes(StandardCharsets.UTF_8));
            actual.put(name + ".csv", download("wastesRegistryCsv", register, orgIds));
            actual.put(name + ".xlsx-sheet.xml", sheetXml(download("wastesRegistryXls", register, orgIds)));
        }
        if (RECORD) {
            Path dir = Path.of(System.getProperty("golden.dir", GOLDEN.toString()));
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> file : actual.entrySet()) {
                Files.write(dir.resolve(file.getKey()), file.getValue());
            }
            return;
        }
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : actual.entrySet()) {
            byte[] golden = Files.readAllBytes(GOLDEN.resolve(file.getKey()));
            if (!Arrays.equals(golden, file.getValue())) {
                differing.add(file.getKey());
                assertEquals(new String(golden, StandardCharsets.UTF_8), new String(file.getValue(), StandardCharsets.UTF_8),
                        file.getKey() + " differs from its golden file");
            }
        }
        assertTrue(differing.isEmpty(), "differing: " + differing);
    }

    /** The whole register as one GraphQL answer: every field of the register's node type. */
    private static String query(RegisterType register, List<String> orgIds) {
        String root = switch (register) {
            case INCOMING -> "incomingWastes";
            case OUTGOING -> "outgoingWastes";
            case TRANSPORTED -> "transportedWastes";
            case MANAGED -> "managedWastes";
            case ALL -> "allWastes";
        };
        String fields = Arrays.stream(Columns.nodeType(register).getFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).sorted()
                .collect(Collectors.joining(" "));
        String answer = graphql(READER, "query($s: [String!]!) { " + root + "(sirets: $s, first: 50) { totalCount "
                + "pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { cursor node { " + fields + " } } } }",
                Map.of("s", orgIds)).body("errors", nullValue()).extract().asString();
        return answer;
    }

    private static byte[] download(String operation, RegisterType register, List<String> orgIds) {
        String token = graphql(READER, "query($s: [String!]!) { " + operation + "(registryType: " + register.name()
                + ", sirets: $s) { token } }", Map.of("s", orgIds)).body("errors", nullValue())
                .extract().path("data." + operation + ".token");
        return given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/download?token=" + token)
                .then().statusCode(200).extract().asByteArray();
    }

    /** The worksheet of an XLSX file (the zip's other parts carry the time it was written). */
    private static byte[] sheetXml(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("golden-register", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
                if (sheet == null) {
                    throw new AssertionError("no worksheet in the XLSX file");
                }
                try (var in = zip.getInputStream(sheet)) {
                    return in.readAllBytes();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The fixed events: each type along its lifecycle, with this test's ids and SIRETs. */
    private static List<EventEnvelope> events() {
        List<EventEnvelope> events = new ArrayList<>();
        // BSDD: processed, and one only sent.
        ObjectNode form = BsddStates.sealed("golden-bsdd-1", "BSD-20260302-GOLD00001", T);
        events.add(BsddStates.upserted(form.deepCopy(), 1, T));
        events.add(BsddStates.upserted(BsddStates.sent(form, T.plusSeconds(3600)).deepCopy(), 2, T));
        events.add(BsddStates.upserted(BsddStates.received(form, T.plusSeconds(7200)).deepCopy(), 3, T));
        events.add(BsddStates.upserted(BsddStates.processed(form, T.plusSeconds(86_400)).deepCopy(), 4, T));
        ObjectNode sent = BsddStates.sealed("golden-bsdd-2", "BSD-20260302-GOLD00002", T.plusSeconds(60));
        events.add(BsddStates.upserted(BsddStates.sent(sent, T.plusSeconds(5400)), 2, T));
        // BSDA
        ObjectNode bsda = BsdaStates.initial("golden-bsda-1");
        events.add(BsdaStates.upserted(BsdaStates.sent(bsda, T.plusSeconds(1800)).deepCopy(), 2, T));
        events.add(BsdaStates.upserted(BsdaStates.processed(bsda, T.plusSeconds(9000), T.plusSeconds(90_000)), 3, T));
        // BSDASRI
        ObjectNode dasri = BsdasriStates.initial("golden-bsdasri-1", "SIMPLE");
        events.add(BsdasriStates.upserted(BsdasriStates.sent(dasri, T.plusSeconds(2400)).deepCopy(), 2, T));
        events.add(BsdasriStates.upserted(BsdasriStates.processed(
                BsdasriStates.received(dasri, "ACCEPTED", T.plusSeconds(10_000)), "D10", T.plusSeconds(20_000)), 4, T));
        // BSFF: two containers, one accepted and processed, one refused.
        ObjectNode bsff = BsffStates.sent(BsffStates.initial("golden-bsff-1"), T.plusSeconds(3000));
        events.add(BsffStates.upserted(bsff.deepCopy(), 2, T));
        BsffStates.received(bsff, T.plusSeconds(11_000));
        BsffStates.answered(bsff, 0, true, 12.5, T.plusSeconds(11_100), "ACCEPTED");
        if (bsff.path("packagings").size() > 1) {
            BsffStates.answered(bsff, 1, false, 0, T.plusSeconds(11_200), "PARTIALLY_REFUSED");
        }
        events.add(BsffStates.upserted(BsffStates.operated(bsff, 0, "R2", "REUTILISATION", T.plusSeconds(50_000),
                "PROCESSED"), 5, T));
        // BSPAOH
        ObjectNode paoh = BspaohStates.initial("golden-bspaoh-1");
        events.add(BspaohStates.upserted(BspaohStates.sent(paoh, T.plusSeconds(4000)).deepCopy(), 2, T));
        events.add(BspaohStates.upserted(BspaohStates.processed(BspaohStates.received(BspaohStates.delivered(paoh,
                T.plusSeconds(12_000)), "ACCEPTED", T.plusSeconds(12_500)), T.plusSeconds(60_000)), 5, T));
        // BSVHU
        ObjectNode vhu = BsvhuStates.initial("golden-bsvhu-1");
        events.add(BsvhuStates.upserted(BsvhuStates.sent(vhu, T.plusSeconds(4500)).deepCopy(), 2, T));
        events.add(BsvhuStates.upserted(BsvhuStates.processed(BsvhuStates.received(vhu, "ACCEPTED", T.plusSeconds(13_000)),
                T.plusSeconds(70_000)), 4, T));
        List<EventEnvelope> owned = new ArrayList<>();
        for (EventEnvelope event : events) {
            owned.add(new EventEnvelope(event.id(), event.type(), event.aggregateType(), event.aggregateId(), event.version(),
                    event.occurredAt(), event.schemaVersion(), ownSirets(event.payload())));
        }
        return owned;
    }

    private static JsonNode ownSirets(JsonNode payload) {
        String json = SIRET.matcher(payload.toString()).replaceAll("\"0$2\"");
        try {
            return EventCodec.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
