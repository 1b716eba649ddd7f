package fr.wastetrace.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;

/**
 * One relay instance in a process of its own, for the test that kills it with SIGKILL: {@code jdbcUrl user password
 * bootstrap topic}. Prints {@code state <STATE>} on each change of its state, then runs until killed.
 */
public final class RelayProcess {
    private RelayProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        OutboxRelay relay = new OutboxRelay(new TestRelayConfig("test", args[4], Duration.ofMillis(500)), args[0], args[1],
                args[2], args[3], new SimpleMeterRegistry());
        relay.onStart(null);
        OutboxRelay.State last = null;
        while (true) {
            OutboxRelay.State now = relay.state();
            if (now != last) {
                System.out.println("state " + now);
                System.out.flush();
                last = now;
            }
            Thread.sleep(50);
        }
    }
}
