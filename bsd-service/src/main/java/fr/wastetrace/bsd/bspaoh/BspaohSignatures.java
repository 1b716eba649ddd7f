package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.common.Signature;

import java.util.ArrayList;
import java.util.List;

/** The signatures a BSPAOH holds, as steps of {@link BspaohRules#STEPS}. */
public final class BspaohSignatures {
    private BspaohSignatures() {
    }

    private static boolean done(Signature s) {
        return s != null && s.date != null;
    }

    public static boolean emitted(Bspaoh b) {
        return b.emitter != null && b.emitter.emission != null && done(b.emitter.emission.signature);
    }

    public static boolean transported(Bspaoh b) {
        return b.transporter != null && b.transporter.transport != null && done(b.transporter.transport.signature);
    }

    public static boolean delivered(Bspaoh b) {
        return b.destination != null && b.destination.handedOverToDestination != null
                && done(b.destination.handedOverToDestination.signature);
    }

    public static boolean received(Bspaoh b) {
        return b.destination != null && b.destination.reception != null && done(b.destination.reception.signature);
    }

    public static boolean operated(Bspaoh b) {
        return b.destination != null && b.destination.operation != null && done(b.destination.operation.signature);
    }

    public static List<String> signed(Bspaoh b) {
        List<String> steps = new ArrayList<>();
        if (emitted(b)) {
            steps.add("EMISSION");
        }
        if (transported(b)) {
            steps.add("TRANSPORT");
        }
        if (delivered(b)) {
            steps.add("DELIVERY");
        }
        if (received(b)) {
            steps.add("RECEPTION");
        }
        if (operated(b)) {
            steps.add("OPERATION");
        }
        return steps;
    }
}
