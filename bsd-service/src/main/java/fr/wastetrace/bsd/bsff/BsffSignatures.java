package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporter;
import fr.wastetrace.bsd.core.signature.TransporterChain;

import java.util.List;

/** The signatures a BSFF holds, as steps of {@link BsffRules#STEPS}; acceptation and operation are per container. */
public final class BsffSignatures {
    private BsffSignatures() {
    }

    public static boolean signed(BsffTransporter t) {
        return t.transport != null && t.transport.signature != null && t.transport.signature.date != null;
    }

    public static boolean emitted(Bsff b) {
        return b.emitter != null && b.emitter.emission != null && b.emitter.emission.signature != null
                && b.emitter.emission.signature.date != null;
    }

    public static boolean received(Bsff b) {
        return b.destination != null && b.destination.reception != null && b.destination.reception.signature != null
                && b.destination.reception.signature.date != null;
    }

    /** The steps signed: EMISSION, TRANSPORT_n, RECEPTION, then ACCEPTATION / OPERATION once any container has it. */
    public static List<String> signed(Bsff b) {
        List<String> steps = TransporterChain.signedSteps(emitted(b), b.transporters, BsffSignatures::signed,
                received(b));
        if (b.packagings.stream().anyMatch(BsffPackaging::accepted)) {
            steps.add("ACCEPTATION");
        }
        if (b.packagings.stream().anyMatch(BsffPackaging::operated)) {
            steps.add("OPERATION");
        }
        return steps;
    }
}
