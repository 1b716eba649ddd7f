package fr.wastetrace.gateway.federation;

import graphql.parser.ParserOptions;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema-diff step of the test command: the public schema as checked in ({@code gateway/schema.graphql}, held
 * equal to what the gateway serves by e2e {@code SchemaFilesIT}) against the last release's
 * ({@code gateway/schema-releases/<version>.graphql}, the highest version). Every difference is listed in
 * {@code target/schema-diff.txt} and on the console; a breaking one fails unless {@code CHANGELOG.md}'s
 * "Unreleased" section announces breaking changes.
 */
class SchemaReleaseDiffTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\.graphql");

    @Test
    void theSchemaBreaksNothingOfTheLastReleaseUnlessTheChangelogSaysSo() throws IOException {
        Path release = lastRelease();
        String old = Files.readString(release, StandardCharsets.UTF_8);
        String current = Files.readString(MODULE.resolve("schema.graphql"), StandardCharsets.UTF_8);

        CapturingReporter reporter = new CapturingReporter();
        // The differ parses with graphql-java's default options, whose limit against hostile queries (15,000 tokens)
        // the whole public schema passes: lift it here, for these two trusted files only.
        ParserOptions defaults = ParserOptions.getDefaultParserOptions();
        ParserOptions.setDefaultParserOptions(defaults.transform(options -> options.maxTokens(Integer.MAX_VALUE)));
        try {
            new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(old, current), reporter);
        } finally {
            ParserOptions.setDefaultParserOptions(defaults);
        }
        // Events without a category are the differ's "examining …" trace, not changes.
        List<DiffEvent> changes = reporter.getEvents().stream().filter(e -> e.getCategory() != null).toList();
        StringBuilder report = new StringBuilder("schema.graphql against " + release.getFileName() + ": "
                + reporter.getBreakageCount() + " breaking, " + reporter.getDangerCount() + " dangerous, "
                + (changes.size() - reporter.getBreakageCount() - reporter.getDangerCount()) + " other changes\n");
        for (DiffEvent e : changes) {
            report.append(e.getLevel()).append(' ').append(e.getCategory()).append(' ').append(e.getTypeName())
                    .append(e.getFieldName() == null ? "" : "." + e.getFieldName()).append(": ")
                    .append(e.getReasonMsg()).append('\n');
        }
        Files.createDirectories(MODULE.resolve("target"));
        Files.writeString(MODULE.resolve("target/schema-diff.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);

        if (reporter.getBreakageCount() > 0) {
            assertTrue(unreleasedAnnouncesBreakingChanges(), "the schema breaks " + reporter.getBreakageCount()
                    + " thing(s) of release " + release.getFileName() + " (target/schema-diff.txt) and CHANGELOG.md's "
                    + "Unreleased section has no \"### Breaking changes\":\n" + report);
        }
    }

    @Test
    void aRemovedFieldIsReportedAsBreaking() {
        String old = "type Query { a: String b: Int }";
        String current = "type Query { a: String }";
        CapturingReporter reporter = new CapturingReporter();
        // The differ parses with graphql-java's default options, whose limit against hostile queries (15,000 tokens)
        // the whole public schema passes: lift it here, for these two trusted files only.
        ParserOptions defaults = ParserOptions.getDefaultParserOptions();
        ParserOptions.setDefaultParserOptions(defaults.transform(options -> options.maxTokens(Integer.MAX_VALUE)));
        try {
            new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(old, current), reporter);
        } finally {
            ParserOptions.setDefaultParserOptions(defaults);
        }
        assertEquals(1, reporter.getBreakageCount(), () -> "events: " + reporter.getEvents());
    }

    private static Path lastRelease() throws IOException {
        try (Stream<Path> files = Files.list(MODULE.resolve("schema-releases"))) {
            List<Path> releases = files.filter(p -> VERSION.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(SchemaReleaseDiffTest::versionKey)).toList();
            assertTrue(!releases.isEmpty(), "no release schema in schema-releases/");
            return releases.get(releases.size() - 1);
        }
    }

    private static long versionKey(Path file) {
        Matcher m = VERSION.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2)) * 1_000L + Long.parseLong(m.group(3));
    }

    private static boolean unreleasedAnnouncesBreakingChanges() throws IOException {
        String changelog = Files.readString(MODULE.resolveSibling("CHANGELOG.md"), StandardCharsets.UTF_8);
        int start = changelog.indexOf("## Unreleased");
        if (start < 0) {
            return false;
        }
        int end = changelog.indexOf("\n## ", start + 1);
        String unreleased = end < 0 ? changelog.substring(start) : changelog.substring(start, end);
        return unreleased.contains("### Breaking changes");
    }
}
