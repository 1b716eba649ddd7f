package fr.wastetrace.bench.benchmarks;

import fr.wastetrace.bench.Benchmark;
import fr.wastetrace.bench.core.Options;
import fr.wastetrace.bench.report.Report;
import fr.wastetrace.bench.stack.BenchStack;
import fr.wastetrace.csv.CsvWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The exports' CSV writer ({@code libs/csv}, hand-written) against Apache Commons CSV's printer set up alike ({@code ;},
 * CRLF, minimal quoting, UTF-8 behind the same 64 KiB buffer), writing the same register-like lines in this JVM to a
 * sink that only counts bytes. Decides whether the hand-written writer earns its place: it stays only while it is
 * faster than the library. The two alternate, round after round, so that the machine's load falls on both alike.
 */
public final class CsvWriterBench implements Benchmark {
    static final int COLUMNS = 48;
    private static final CSVFormat LIBRARY_FORMAT = CSVFormat.RFC4180.builder()
            .setDelimiter(';').setRecordSeparator("\r\n").setQuoteMode(QuoteMode.MINIMAL).get();

    @Override
    public String id() {
        return "csvwriter";
    }

    @Override
    public Report run(BenchStack stack, Options options) throws Exception {
        long lines = options.number("lines", 1_000_000, 100_000);
        int rounds = options.integer("rounds", 9, 3);
        Report report = new Report(id(), "The exports' CSV writer (libs/csv) vs Apache Commons CSV's printer, in process")
                .parameter("lines", lines).parameter("rounds", rounds);
        List<String[]> data = lines(1_000, new Random(24));

        Support.log("warm-up: " + lines / 10 + " lines through each writer, untimed");
        ours(data, lines / 10);
        library(data, lines / 10);
        double[] oursSeconds = new double[rounds];
        double[] librarySeconds = new double[rounds];
        long oursBytes = 0;
        long libraryBytes = 0;
        for (int round = 0; round < rounds; round++) {
            boolean oursFirst = round % 2 == 0;
            Written first = oursFirst ? ours(data, lines) : library(data, lines);
            Written second = oursFirst ? library(data, lines) : ours(data, lines);
            Written o = oursFirst ? first : second;
            Written l = oursFirst ? second : first;
            oursSeconds[round] = o.seconds;
            librarySeconds[round] = l.seconds;
            oursBytes = o.bytes;
            libraryBytes = l.bytes;
            Support.log(String.format(Locale.ROOT, "round %d: libs/csv %.2f s, Commons CSV %.2f s", round + 1, o.seconds, l.seconds));
        }
        double oursMedian = median(oursSeconds);
        double libraryMedian = median(librarySeconds);
        double ratio = oursMedian / libraryMedian;
        String size = String.format(Locale.ROOT, "%,d lines × %d values", lines, COLUMNS);
        report.row(size + ": seconds (median)", Support.seconds(oursMedian), Support.seconds(libraryMedian) + " Commons CSV",
                        Support.ratio(ratio), "< 1× (else: write with the library)", Report.Verdict.of(ratio < 1))
                .row(size + ": seconds (best)", Support.seconds(min(oursSeconds)), Support.seconds(min(librarySeconds)) + " Commons CSV",
                        Support.ratio(min(oursSeconds) / min(librarySeconds)), "", Report.Verdict.INFO)
                .row("lines/s (median)", Support.perSecond(lines / oursMedian), Support.perSecond(lines / libraryMedian),
                        "", "", Report.Verdict.INFO);
        report.note(String.format(Locale.ROOT, "Output: %.0f MB (libs/csv) and %.0f MB (Commons CSV, whose minimal quoting also "
                + "quotes values that start with a character up to `#` or end with a space).", oursBytes / 1e6, libraryBytes / 1e6));
        report.note("Lines: 1,000 distinct register-like lines of " + COLUMNS + " values (ids, SIRETs, dates, quantities with a decimal "
                + "comma, Oui/Non, names and addresses with accents, some values holding `;` or quotes), written over and over; "
                + "the real export also reads and formats each cell from the stored columns, which this leaves out.");
        report.note("Each round runs both writers one after the other, in alternating order; the machine is shared, so the "
                + "median of the rounds is the figure, the best round is shown for comparison.");
        return report;
    }

    private record Written(double seconds, long bytes) {
    }

    private static Written ours(List<String[]> data, long lines) throws IOException {
        CountingStream sink = new CountingStream();
        long start = System.nanoTime();
        CsvWriter writer = new CsvWriter(sink);
        for (long l = 0; l < lines; l++) {
            for (String value : data.get((int) (l % data.size()))) {
                writer.value(value);
            }
            writer.endLine();
        }
        writer.flush();
        return new Written((System.nanoTime() - start) / 1e9, sink.bytes);
    }

    private static Written library(List<String[]> data, long lines) throws IOException {
        CountingStream sink = new CountingStream();
        long start = System.nanoTime();
        Writer out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(out, LIBRARY_FORMAT);
        for (long l = 0; l < lines; l++) {
            for (String value : data.get((int) (l % data.size()))) {
                printer.print(value);
            }
            printer.println();
        }
        printer.flush();
        return new Written((System.nanoTime() - start) / 1e9, sink.bytes);
    }

    /** Register-like lines: what the export's cells look like once formatted. */
    static List<String[]> lines(int count, Random random) {
        String[] names = {"SARL Dupont Déchets", "Société d'Élimination du Nord", "Recyclage \"Vert\" SAS", "ÉcoCollecte; Île-de-France",
                "Transports Martin", "Centre de tri de Bègles"};
        String[] addresses = {"12 rue de la Gare 75001 Paris", "ZI des Échats, 49100 Angers", "3 allée des Pins 33130 Bègles",
                "Route de Lyon; lieu-dit « Le Pré » 69100 Villeurbanne"};
        String[] codes = {"16 01 07*", "17 06 05*", "13 02 05*", "15 01 10*", "20 01 21*"};
        String[] operations = {"R 1", "R 12", "D 10", "R 13", "D 9"};
        List<String[]> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] line = new String[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                line[c] = switch (c % 12) {
                    case 0 -> "BSD-2026" + String.format(Locale.ROOT, "%04d", random.nextInt(10_000)) + "-" + Integer.toHexString(random.nextInt()).toUpperCase(Locale.ROOT);
                    case 1 -> "9" + String.format(Locale.ROOT, "%013d", Math.abs(random.nextLong() % 10_000_000_000_000L));
                    case 2 -> String.format(Locale.ROOT, "2026-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
                    case 3 -> String.format(Locale.FRANCE, "%.3f", random.nextDouble() * 30);
                    case 4 -> random.nextBoolean() ? "Oui" : "Non";
                    case 5 -> names[random.nextInt(names.length)];
                    case 6 -> addresses[random.nextInt(addresses.length)];
                    case 7 -> codes[random.nextInt(codes.length)];
                    case 8 -> operations[random.nextInt(operations.length)];
                    case 9 -> random.nextInt(4) == 0 ? "" : "AB-" + random.nextInt(1000) + "-CD";
                    case 10 -> "PROCESSED";
                    default -> random.nextInt(10) == 0 ? "Boues d'hydrocarbures; fond de cuve" : "Boues d'hydrocarbures";
                };
            }
            lines.add(line);
        }
        return lines;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** Counts bytes, keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }
    }
}
