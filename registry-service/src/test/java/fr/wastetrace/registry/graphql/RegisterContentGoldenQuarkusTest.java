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
import fr.wastetrace.registry.GoldenEvents;
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

    @Inject
    RegistryFixture fixture;

    @Test
    void registersAnswerAndExportExactlyAsRecorded() throws IOException {
        List<EventEnvelope> events = GoldenEvents.events();
        Set<String> sirets = new LinkedHashSet<>();
        for (EventEnvelope event : events) {
            Matcher m = GoldenEvents.SIRET.matcher(event.payload().toString());
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
}
