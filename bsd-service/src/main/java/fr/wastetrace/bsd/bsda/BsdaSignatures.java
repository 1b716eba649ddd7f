package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.bsd.core.signature.TransporterChain;

import java.util.ArrayList;
import java.util.List;

/** The signatures a BSDA holds, as steps of {@link BsdaRules#STEPS}. */
public final class BsdaSignatures {
    private BsdaSignatures() {
    }

    static boolean signed(Signature s) {
        return s != null && s.date != null;
    }

    public static boolean signed(BsdaTransporter t) {
        return t.transport != null && signed(t.transport.signature);
    }

    public static boolean emitted(Bsda b) {
        return b.emitter != null && b.emitter.emission != null && signed(b.emitter.emission.signature);
    }

    public static boolean worked(Bsda b) {
        return b.worker != null && b.worker.work != null && signed(b.worker.work.signature);
    }

    public static boolean received(Bsda b) {
        return b.destination != null && b.destination.reception != null && signed(b.destination.reception.signature);
    }

    public static boolean operated(Bsda b) {
        return b.destination != null && b.destination.operation != null && signed(b.destination.operation.signature);
    }

    public static List<String> signed(Bsda b) {
        List<String> steps = new ArrayList<>();
        if (emitted(b)) {
            steps.add("EMISSION");
        }
        if (worked(b)) {
            steps.add("WORK");
        }
        int rank = 0;
        for (BsdaTransporter t : b.transporters) {
            rank++;
            if (signed(t)) {
                steps.add(TransporterChain.step(rank));
            }
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
