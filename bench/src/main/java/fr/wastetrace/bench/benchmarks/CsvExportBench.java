package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.Jfr;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.data.DemoAccount;
import fr.wastetrace.bench.data.RegisterLines;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import org.postgresql.PGConnection;

import java.io.OutputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Registry CSV export of 1,000,000 and 2,000,000 lines through the gateway's download link, against PostgreSQL's own
 * {@code COPY (SELECT …) TO STDOUT} of the same rows and columns in the same order; the registry-service's heap from a
 * JFR recording (heap left after each GC, and the peak before one) while it writes.
 */
public final class CsvExportBench implements Benchmark {
    private static final double MIB = 1024 * 1024;

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        long small = options.number("lines", 1_000_000, 20_000);
        long large = options.number("large-lines", 2_000_000, 40_000);
        Report report = new Report(id(), "Registry CSV export through the download link vs `COPY … TO STDOUT`")
                .parameter("lines", small).parameter("large-lines", large);
        RegisterExport export = new RegisterExport(stack);
        List<RegisterExport.Target> targets = List.of(new RegisterExport.Target(DemoAccount.PRODUCER, small),
                new RegisterExport.Target(DemoAccount.DESTINATION, large));
        String template = export.prepare(targets);
        if (options.flag("prepare-only")) {
            Support.log("prepare-only: the registers of " + small + " and " + large + " lines are ready");
            return report.note("Prepared only (--prepare-only): no measurement.");
        }
        List<RegisterLines.Column> fields;
        try (Connection registry = stack.connect("registry")) {
            fields = new RegisterLines(registry, Support::log).fields(template);
        }
        if (!options.flag("no-warmup")) {
            // The service is measured warm, as it runs in production; its first export after a start also compiles
            // the export's code, and is reported apart.
            RegisterExport.Target first = targets.get(0);
            Support.log("warm-up: one untimed CSV of " + first.account().siret() + "'s register (--no-warmup skips it)");
            RegisterExport.Download warmup = export.download("wastesRegistryCsv", first.account());
            report.row(String.format(Locale.ROOT, "%,d lines: first export (warm-up)", warmup.lines()),
                    Support.seconds(warmup.seconds()), "", "", "", Report.Verdict.INFO);
        }
        List<Jfr.Heap> heaps = new ArrayList<>();
        for (RegisterExport.Target target : targets) {
            String siret = target.account().siret();
            Support.log("CSV of " + siret + "'s " + RegisterLines.REGISTER + " register through the gateway");
            Jfr jfr = Jfr.start(stack.pid("registry-service"), stack.root().resolve(".run/bench/csv-" + siret + ".jfr"), "default");
            RegisterExport.Download file = export.download("wastesRegistryCsv", target.account());
            Jfr.Heap heap = jfr.stopAndReadHeap();
            heaps.add(heap);
            Support.log(String.format(Locale.ROOT, "  %,d lines, %.0f MB in %.1f s; heap after GC ≤ %.0f MiB, peak %.0f MiB",
                    file.lines(), file.bytes() / 1e6, file.seconds(), heap.maxAfterGc() / MIB, heap.peakBeforeGc() / MIB));
            Copy copy = copy(stack, siret, fieldsQuery(fields));
            Support.log(String.format(Locale.ROOT, "  COPY: %,d rows, %.0f MB in %.1f s", copy.rows, copy.bytes / 1e6, copy.seconds));
            RegisterExport.requireSameRows(file.lines(), copy.rows);
            String size = String.format(Locale.ROOT, "%,d lines", file.lines());
            double ratio = file.seconds() / copy.seconds;
            report.row(size + ": seconds", Support.seconds(file.seconds()), Support.seconds(copy.seconds) + " COPY",
                            Support.ratio(ratio), "≤ 2× COPY", Report.Verdict.of(ratio <= 2))
                    .row(size + ": rows/s", Support.perSecond(file.lines() / file.seconds()), Support.perSecond(copy.rows / copy.seconds),
                            "", "", Report.Verdict.INFO)
                    .row(size + ": heap after GC (max) / peak", Support.mib(heap.maxAfterGc() / MIB) + " / " + Support.mib(heap.peakBeforeGc() / MIB),
                            "", "", "≤ 128 MB", Report.Verdict.of(heap.maxAfterGc() <= 128e6));
            report.note(size + ": " + String.format(Locale.ROOT, "%.0f MB", file.bytes() / 1e6) + " through the gateway, "
                    + String.format(Locale.ROOT, "%.0f MB", copy.bytes / 1e6) + " from COPY; " + heap.collections() + " GCs while writing.");
        }
        double growth = (double) heaps.get(1).maxAfterGc() / heaps.get(0).maxAfterGc();
        report.row("heap after GC, " + large + " vs " + small + " lines", Support.ratio(growth), "", "", "flat (≤ 1.10×)",
                Report.Verdict.of(growth <= 1.10));
        report.note("COPY selects the " + fields.size() + " columns of register_line that hold a value in the generated lines, "
                + "in the table's (the file's) order, the rows in the export's order (sort_at, document_id), as CSV with `;`: "
                + fields.stream().limit(6).map(RegisterLines.Column::name).collect(Collectors.joining(", ")) + ", … (the file "
                + "also has the register's empty columns).");
        report.note("Heap from a JFR recording of registry-service (jdk.GCHeapSummary): \"after GC\" is what the export keeps, "
                + "\"peak\" includes garbage not yet collected (the service runs with -Xmx512m).");
        return report;
    }

    private record Copy(long rows, long bytes, double seconds) {
    }

    /** The register's rows, the line's field columns in the table's order. */
    static String fieldsQuery(List<RegisterLines.Column> fields) {
        for (RegisterLines.Column field : fields) {
            if (!field.name().matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("unexpected column name " + field.name());
            }
        }
        return RegisterExport.orderedRows(fields.stream().map(RegisterLines.Column::name).collect(Collectors.joining(", ")));
    }

    private static Copy copy(BenchStack stack, String siret, String query) throws Exception {
        if (!siret.matches("[0-9A-Z]+")) {
            throw new IllegalArgumentException("unexpected company id " + siret);
        }
        query = query.replace("?", "'" + siret + "'");
        CountingStream out = new CountingStream();
        long start = System.nanoTime();
        try (Connection registry = stack.connect("registry")) {
            registry.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv, DELIMITER ';', HEADER)", out);
        }
        return new Copy(out.newlines - 1, out.bytes, (System.nanoTime() - start) / 1e9);
    }

    /** Counts bytes and lines, keeps nothing. */
    static final class CountingStream extends OutputStream {
        long bytes;
        long newlines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                newlines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    newlines++;
                }
            }
        }
    }
}
