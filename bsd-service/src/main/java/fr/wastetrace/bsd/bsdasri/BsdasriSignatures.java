package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriSignature;

import java.util.ArrayList;
import java.util.List;

/** The signatures a BSDASRI holds, as steps of {@link BsdasriRules#STEPS}. */
public final class BsdasriSignatures {
    private BsdasriSignatures() {
    }

    private static boolean done(BsdasriSignature s) {
        return s != null && s.date != null;
    }

    public static boolean emitted(Bsdasri b) {
        return b.emitter != null && b.emitter.emission != null && done(b.emitter.emission.signature);
    }

    public static boolean transported(Bsdasri b) {
        return b.transporter != null && b.transporter.transport != null && done(b.transporter.transport.signature);
    }

    public static boolean received(Bsdasri b) {
        return b.destination != null && b.destination.reception != null && done(b.destination.reception.signature);
    }

    public static boolean operated(Bsdasri b) {
        return b.destination != null && b.destination.operation != null && done(b.destination.operation.signature);
    }

    public static List<String> signed(Bsdasri b) {
        List<String> steps = new ArrayList<>();
        if (emitted(b)) {
            steps.add("EMISSION");
        }
        if (transported(b)) {
            steps.add("TRANSPORT");
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
