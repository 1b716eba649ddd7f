package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.testing.Gql;
import fr.wastetrace.testing.Stack;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The schemas as files: each subgraph's SDL ({@code _service { sdl }}) is checked in as {@code <module>/schema.graphql}
 * and the composed public schema the gateway serves ({@code GET /schema.graphql}) as {@code gateway/schema.graphql}. A
 * served schema that differs from its file fails here: an intended change updates the files
 * ({@code -Dwastetrace.schema.write=true}) and is written in {@code CHANGELOG.md}; the gateway's
 * {@code SchemaReleaseDiffTest} then lists what breaks against the last release.
 */
class SchemaFilesIT {
    private static final boolean WRITE = Boolean.getBoolean("wastetrace.schema.write");

    @TestFactory
    List<DynamicTest> servedSchemasEqualTheirFiles() {
        Map<String, String> env = Suite.env();
        IdentityCodec codec = new IdentityCodec(env.get("INTERNAL_IDENTITY_SECRET"), Clock.systemUTC());
        return List.of(
                DynamicTest.dynamicTest("gateway", () -> check("gateway",
                        Suite.gateway().get("/schema.graphql").then().statusCode(200).extract().asString())),
                subgraph("bsd-service", env.get("BSD_SERVICE_URL"), codec),
                subgraph("company-service", env.get("COMPANY_SERVICE_URL"), codec),
                subgraph("registry-service", env.get("REGISTRY_SERVICE_URL"), codec));
    }

    private static DynamicTest subgraph(String module, String url, IdentityCodec codec) {
        return DynamicTest.dynamicTest(module, () -> {
            String identity = codec.sign(CallerIdentity.anonymous("schema-files", Instant.now().plusSeconds(60)),
                    module.replaceAll("-service$", ""));
            String body = RestAssured.given().baseUri(url).contentType("application/json")
                    .header(IdentityCodec.HEADER, identity).body(Gql.body("{ _service { sdl } }", Map.of()))
                    .post("/graphql").then().statusCode(200).extract().asString();
            JsonNode sdl = EventCodec.mapper().readTree(body).at("/data/_service/sdl");
            if (!sdl.isTextual()) {
                fail(module + " served no SDL: " + body);
            }
            check(module, sdl.asText());
        });
    }

    private static void check(String module, String served) throws IOException {
        Path file = Stack.root().resolve(module).resolve("schema.graphql");
        String normalized = served.strip().replace("\r\n", "\n") + "\n";
        if (WRITE) {
            Files.writeString(file, normalized, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail(file + " is missing: write it with -Dwastetrace.schema.write=true");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(normalized)) {
            fail(module + ": the served schema differs from " + file + " (" + firstDifference(expected, normalized)
                    + "); if the change is intended, update the file (-Dwastetrace.schema.write=true) and write it "
                    + "in CHANGELOG.md");
        }
    }

    /** The first line that differs, with its number, as "file: … / served: …". */
    private static String firstDifference(String expected, String served) {
        String[] a = expected.split("\n", -1);
        String[] b = served.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of schema>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " file: " + x + " / served: " + y;
            }
        }
        return "";
    }
}
