package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransporter;
import fr.wastetrace.bsd.core.signature.TransporterChain;

import java.util.List;

/** The signatures a BSVHU holds, as steps of {@link BsvhuRules#STEPS}. */
public final class BsvhuSignatures {
    private BsvhuSignatures() {
    }

    public static boolean signed(BsvhuTransporter t) {
        return t.transport != null && t.transport.signature != null && t.transport.signature.date != null;
    }

    public static boolean emitted(Bsvhu b) {
        return b.emitter != null && b.emitter.emission != null && b.emitter.emission.signature != null
                && b.emitter.emission.signature.date != null;
    }

    public static boolean received(Bsvhu b) {
        return b.destination != null && b.destination.reception != null && b.destination.reception.signature != null
                && b.destination.reception.signature.date != null;
    }

    public static boolean operated(Bsvhu b) {
        return b.destination != null && b.destination.operation != null && b.destination.operation.signature != null
                && b.destination.operation.signature.date != null;
    }

    public static List<String> signed(Bsvhu b) {
        List<String> steps = TransporterChain.signedSteps(emitted(b), b.transporters, BsvhuSignatures::signed,
                received(b));
        if (operated(b)) {
            steps.add("OPERATION");
        }
        return steps;
    }
}
