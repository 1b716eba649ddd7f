package fr.wastetrace.bench.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvWriterBenchTest {

    @Test
    void theMedianOfTheRoundsIsTheFigure() {
        assertEquals(2.0, CsvWriterBench.median(new double[]{9.0, 1.0, 2.0}));
        assertEquals(2.5, CsvWriterBench.median(new double[]{4.0, 1.0, 2.0, 3.0}));
    }

    @Test
    void theLinesAreRegisterLikeAndSomeNeedQuotes() {
        List<String[]> lines = CsvWriterBench.lines(100, new Random(1));
        assertEquals(100, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.length == CsvWriterBench.COLUMNS));
        long quoted = lines.stream().flatMap(Arrays::stream).filter(v -> v.contains(";") || v.contains("\"")).count();
        assertTrue(quoted > 0 && quoted < 100L * CsvWriterBench.COLUMNS / 5, "a few values to quote, not most: " + quoted);
    }
}
