package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.Jfr;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.data.DemoAccount;
import fr.wastetrace.bench.data.RegisterLines;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Registry XLSX export of 1,000,000 lines through the gateway's download link, against a bare Apache POI SXSSF writer of
 * the same rows in this JVM (keyset pages of 1,000 over the same index, the same window of 100 rows and the same
 * compressed temporary file); seconds, heap (JFR) and temporary disk of each.
 */
public final class XlsxExportBench implements Benchmark {
    private static final double MIB = 1024 * 1024;
    private static final int PAGE = 1000;
    private static final int WINDOW = 100;

    @Override
    public String id() {
        return "xlsx";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        long lines = options.number("lines", 1_000_000, 10_000);
        boolean compress = Boolean.parseBoolean(options.text("compress-temp", "true"));
        Report report = new Report(id(), "Registry XLSX export through the download link vs a bare POI SXSSF writer")
                .parameter("lines", lines).parameter("compress-temp", compress);
        RegisterExport export = new RegisterExport(stack);
        DemoAccount account = DemoAccount.PRODUCER;
        String template = export.prepare(List.of(new RegisterExport.Target(account, lines)));
        List<RegisterLines.Column> fields;
        try (Connection registry = stack.connect("registry")) {
            fields = new RegisterLines(registry, Support::log).fields(template);
        }

        Support.log("XLSX through the gateway");
        Jfr jfr = Jfr.start(stack.pid("registry-service"), stack.root().resolve(".run/bench/xlsx-registry.jfr"), "default");
        RegisterExport.Download file = export.download("wastesRegistryXls", account);
        Jfr.Heap heap = jfr.stopAndReadHeap();
        Support.log(String.format(Locale.ROOT, "  %.0f MB in %.1f s; temp ≤ %.0f MB; heap after GC ≤ %.0f MiB, peak %.0f MiB",
                file.bytes() / 1e6, file.seconds(), file.peakTempBytes() / 1e6, heap.maxAfterGc() / MIB, heap.peakBeforeGc() / MIB));

        Support.log("bare SXSSF writer over the same rows (after an untimed warm-up of " + PAGE * 2 + " rows)");
        Path temp = stack.root().resolve(".run/bench/poi-temp");
        bareWriter(stack, account.siret(), fields, temp, compress, PAGE * 2);
        Jfr ownJfr = Jfr.start(ProcessHandle.current().pid(), stack.root().resolve(".run/bench/xlsx-bare.jfr"), "default");
        Bare bare = bareWriter(stack, account.siret(), fields, temp, compress, Long.MAX_VALUE);
        Jfr.Heap bareHeap = ownJfr.stopAndReadHeap();
        Support.log(String.format(Locale.ROOT, "  %,d rows, %.0f MB in %.1f s; temp ≤ %.0f MB; heap after GC ≤ %.0f MiB",
                bare.rows, bare.bytes / 1e6, bare.seconds, bare.peakTemp / 1e6, bareHeap.maxAfterGc() / MIB));

        double ratio = file.seconds() / bare.seconds;
        String size = String.format(Locale.ROOT, "%,d lines", bare.rows);
        report.row(size + ": seconds", Support.seconds(file.seconds()), Support.seconds(bare.seconds) + " bare SXSSF", Support.ratio(ratio),
                        "≤ 1.10× the bare writer", Report.Verdict.of(ratio <= 1.10))
                .row("heap after GC (max) / peak", Support.mib(heap.maxAfterGc() / MIB) + " / " + Support.mib(heap.peakBeforeGc() / MIB),
                        Support.mib(bareHeap.maxAfterGc() / MIB) + " / " + Support.mib(bareHeap.peakBeforeGc() / MIB) + " bare",
                        "", "≤ 256 MB", Report.Verdict.of(heap.maxAfterGc() <= 256e6))
                .row("temporary disk (peak)", String.format(Locale.ROOT, "%.0f MB", file.peakTempBytes() / 1e6),
                        String.format(Locale.ROOT, "%.0f MB bare", bare.peakTemp / 1e6), "", "≤ 300 MB",
                        Report.Verdict.of(file.peakTempBytes() <= 300e6))
                .info("file size", String.format(Locale.ROOT, "%.0f MB (bare: %.0f MB)", file.bytes() / 1e6, bare.bytes / 1e6));
        report.note("The service's temporary disk is the size of the files it holds open under " + RegisterExport.POI_TEMP
                + ", sampled every 200 ms; the bare writer's, the size of its own temporary directory.");
        report.note("The service runs first, so that the bare writer, second, finds the rows in PostgreSQL's cache; the bare "
                + "writer first writes a small untimed workbook, so that POI's classes are loaded and compiled as in the service.");
        report.note("The bare writer writes every column as a number (double precision) or as PostgreSQL's text, without the service's French date and "
                + "boolean formatting; " + fields.size() + " columns.");
        return report;
    }

    private record Bare(long rows, long bytes, double seconds, long peakTemp) {
    }

    private static Bare bareWriter(BenchStack stack, String siret, List<RegisterLines.Column> fields, Path temp, boolean compress, long maxRows)
            throws Exception {
        Files.createDirectories(temp);
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(temp.toFile()));
        AtomicLong peakTemp = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakTemp.accumulateAndGet(directorySize(temp), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-temp-sampler");
        sampler.setDaemon(true);
        CsvExportBench.CountingStream out = new CsvExportBench.CountingStream();
        long rows = 0;
        long start = System.nanoTime();
        sampler.start();
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        String columns = fields.stream().map(RegisterLines.Column::name).collect(Collectors.joining(", "));
        try (Connection registry = stack.connect("registry");
             PreparedStatement first = registry.prepareStatement("select document_id, sort_at, " + columns + " from register_line "
                     + "where register = ? and org_id = ? order by sort_at, document_id limit " + PAGE);
             PreparedStatement next = registry.prepareStatement("select document_id, sort_at, " + columns + " from register_line "
                     + "where register = ? and org_id = ? and (sort_at, document_id) > (?, ?) order by sort_at, document_id limit " + PAGE)) {
            workbook.setCompressTempFiles(compress);
            SXSSFSheet sheet = workbook.createSheet("Registre");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < fields.size(); i++) {
                header.createCell(i).setCellValue(fields.get(i).name());
                header.getCell(i).setCellStyle(bold);
            }
            String lastId = null;
            Timestamp lastSort = null;
            int page;
            do {
                PreparedStatement select = lastId == null ? first : next;
                select.setString(1, RegisterLines.REGISTER);
                select.setString(2, siret);
                if (lastId != null) {
                    select.setTimestamp(3, lastSort);
                    select.setString(4, lastId);
                }
                page = 0;
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        lastId = result.getString(1);
                        lastSort = result.getTimestamp(2);
                        Row row = sheet.createRow((int) ++rows);
                        for (int i = 0; i < fields.size(); i++) {
                            if (fields.get(i).number()) {
                                double value = result.getDouble(i + 3);
                                if (!result.wasNull()) {
                                    row.createCell(i).setCellValue(value);
                                }
                            } else {
                                String value = result.getString(i + 3);
                                if (value != null) {
                                    row.createCell(i).setCellValue(value);
                                }
                            }
                        }
                        page++;
                    }
                }
            } while (page == PAGE && rows < maxRows);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
            sampler.interrupt();
            sampler.join();
        }
        return new Bare(rows, out.bytes, (System.nanoTime() - start) / 1e9, peakTemp.get());
    }

    private static long directorySize(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException vanished) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
