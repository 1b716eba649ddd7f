package fr.wastetrace.bench.stack;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcfsTest {
    @Test
    void countsTheThreadsOfAPrefixAndThoseRunning() throws Exception {
        long self = ProcessHandle.current().pid();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean spin = new AtomicBoolean(true);
        Thread sleeping = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                // ends
            }
        }, "probe-sleeping");
        Thread spinning = new Thread(() -> {
            while (spin.get()) {
                Thread.onSpinWait();
            }
        }, "probe-spinning");
        sleeping.start();
        spinning.start();
        try {
            Thread.sleep(200);
            assertArrayEquals(new int[] {1, 0}, Procfs.threads(self, "probe-sleeping"));
            assertArrayEquals(new int[] {1, 1}, Procfs.threads(self, "probe-spinning"));
            assertEquals(2, Procfs.threads(self, "probe-")[0]);
            assertArrayEquals(new int[] {0, 0}, Procfs.threads(self, "no-such-thread"));
        } finally {
            release.countDown();
            spin.set(false);
            sleeping.join();
            spinning.join();
        }
    }
}
