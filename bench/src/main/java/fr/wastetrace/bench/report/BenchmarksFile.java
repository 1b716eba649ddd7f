package fr.wastetrace.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code BENCHMARKS.md}: each benchmark owns the block between {@code <!-- bench:ID -->} and {@code <!-- /bench:ID -->}
 * (rewritten with its latest figures), and every run appends a line to the run log (the block {@code log}). The rest
 * of the file is written by hand.
 */
public final class BenchmarksFile {
    static final String LOG = "log";
    static final String LOG_HEADER = "| when | commit | benchmark | figures | missed goals | load average at start |\n|---|---|---|---|---|---|\n";

    private BenchmarksFile() {
    }

    public static void record(Path file, Report report, Run run) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n## Run log\n";
        text = replaceBlock(text, report.id(), render(report, run));
        String log = block(text, LOG);
        if (log == null || log.isBlank()) {
            log = LOG_HEADER;
        }
        text = replaceBlock(text, LOG, log + logLine(report, run));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String render(Report report, Run run) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(report.title()).append(" — `bench/run ").append(report.id()).append("`\n\n");
        md.append("_").append(run.startedAt()).append(" · commit ").append(run.commit()).append(" · ").append(run.machine())
                .append(" · load average at start ").append(run.loadAverage()).append("_  \n");
        md.append("_Parameters: ").append(report.parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))).append("_\n\n");
        md.append("| figure | measured | baseline (same run) | ratio | goal | met |\n|---|---|---|---|---|---|\n");
        for (Report.Row row : report.rows()) {
            md.append("| ").append(cell(row.figure())).append(" | ").append(cell(row.measured())).append(" | ")
                    .append(cell(row.baseline())).append(" | ").append(cell(row.ratio())).append(" | ")
                    .append(cell(row.goal())).append(" | ").append(row.verdict().markdown).append(" |\n");
        }
        if (!report.notes().isEmpty()) {
            md.append('\n');
            report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    static String logLine(Report report, Run run) {
        String figures = report.rows().stream().filter(r -> r.verdict() != Report.Verdict.INFO)
                .map(r -> r.figure() + " " + r.measured()).collect(Collectors.joining("; "));
        String missed = report.missed().stream().map(Report.Row::figure).collect(Collectors.joining("; "));
        return "| " + run.startedAt() + " | " + run.commit() + " | " + report.id() + " | " + cell(figures) + " | "
                + (missed.isEmpty() ? "none" : cell(missed)) + " | " + run.loadAverage() + " |\n";
    }

    /** The text between a block's markers, or null when the block is absent. */
    static String block(String text, String id) {
        String start = start(id);
        int from = text.indexOf(start);
        int to = text.indexOf(end(id));
        if (from < 0 || to < from) {
            return null;
        }
        return text.substring(from + start.length(), to).replaceFirst("^\n", "");
    }

    /** Replaces a block's content; a missing block is added before the run log (or at the end). */
    static String replaceBlock(String text, String id, String content) {
        String start = start(id);
        String end = end(id);
        String body = content.endsWith("\n") ? content : content + "\n";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            return text.substring(0, from + start.length()) + "\n" + body + text.substring(to);
        }
        String block = start + "\n" + body + end + "\n\n";
        int log = text.indexOf(start(LOG));
        if (!id.equals(LOG) && log >= 0) {
            int heading = text.lastIndexOf("\n## ", log);
            int at = heading >= 0 ? heading + 1 : log;
            return text.substring(0, at) + block + text.substring(at);
        }
        return (text.endsWith("\n") ? text : text + "\n") + "\n" + block;
    }

    private static String start(String id) {
        return "<!-- bench:" + id + " -->";
    }

    private static String end(String id) {
        return "<!-- /bench:" + id + " -->";
    }

    private static String cell(String value) {
        return value == null ? "" : value.replace("|", "\\|").replace("\n", " ");
    }
}
