package fr.wastetrace.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark measured: rows of figure, measured value, the baseline measured in the same run, their ratio, the
 * goal and whether it is met; the parameters it ran with; notes (what limits a missed goal, how it was measured).
 */
public final class Report {
    public enum Verdict {
        MET("yes"), MISSED("**no**"), INFO("–");

        final String markdown;

        Verdict(String markdown) {
            this.markdown = markdown;
        }

        public static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    public record Row(String figure, String measured, String baseline, String ratio, String goal, Verdict verdict) {
    }

    private final String id;
    private final String title;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public Report parameter(String name, Object value) {
        parameters.put(name, String.valueOf(value));
        return this;
    }

    public Report row(String figure, String measured, String baseline, String ratio, String goal, Verdict verdict) {
        rows.add(new Row(figure, measured, baseline, ratio, goal, verdict));
        return this;
    }

    /** A figure without baseline or goal. */
    public Report info(String figure, String measured) {
        return row(figure, measured, "", "", "", Verdict.INFO);
    }

    public Report note(String note) {
        notes.add(note);
        return this;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> notes() {
        return notes;
    }

    public List<Row> missed() {
        return rows.stream().filter(r -> r.verdict() == Verdict.MISSED).toList();
    }
}
