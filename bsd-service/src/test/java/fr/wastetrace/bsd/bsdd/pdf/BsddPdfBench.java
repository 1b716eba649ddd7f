package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.bsd.bsdd.model.Form;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * How long the BSDD PDF takes to produce (not a test: timings depend on the machine). Run from bsd-service after
 * {@code test-compile}: {@code java -cp target/classes:target/test-classes:<dependencies> fr.wastetrace.bsd.bsdd.pdf.BsddPdfBench}.
 * Prints the median and 90th percentile of wall and CPU time, for a one-page BSDD and for one with every frame.
 */
public final class BsddPdfBench {
    private static final int WARM_UP = 30;
    private static final int RUNS = 100;

    private BsddPdfBench() {
    }

    public static void main(String[] args) throws IOException {
        Form onePage = BsddPdfDocumentTest.temporaryStorageForm();
        onePage.recipient.isTempStorage = false;
        onePage.temporaryStorageDetail = null;
        onePage.transporters = List.of(onePage.transporters.get(0));
        measure("one page (S1, processed)", () -> new BsddPdfDocument(onePage, List.of(), List.of(),
                BsddPdfDocumentTest.EDITED).render());
        Form everyFrame = BsddPdfDocumentTest.temporaryStorageForm();
        measure("three pages (S5, multimodal, appendix 2)", () -> new BsddPdfDocument(everyFrame,
                BsddPdfDocumentTest.grouping(), List.of(), BsddPdfDocumentTest.EDITED).render());
    }

    private interface Render {
        byte[] run() throws IOException;
    }

    private static void measure(String what, Render render) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long coldStart = System.nanoTime();
        int size = render.run().length;
        long cold = System.nanoTime() - coldStart;
        for (int i = 0; i < WARM_UP; i++) {
            render.run();
        }
        long[] wall = new long[RUNS];
        long[] cpu = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            render.run();
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%s: %d bytes; first %.0f ms; then wall median %.1f ms, p90 %.1f ms; CPU median %.1f ms, p90 %.1f ms%n",
                what, size, cold / 1e6, wall[RUNS / 2] / 1e6, wall[RUNS * 9 / 10] / 1e6, cpu[RUNS / 2] / 1e6,
                cpu[RUNS * 9 / 10] / 1e6);
    }
}
