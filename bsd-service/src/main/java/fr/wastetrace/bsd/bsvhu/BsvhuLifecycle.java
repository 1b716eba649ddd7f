package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable;
import fr.wastetrace.bsd.core.lifecycle.TransitionTable.Guard;

import static fr.wastetrace.bsd.bsvhu.model.BsvhuStatus.*;
import static fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput.*;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.otherwise;
import static fr.wastetrace.bsd.core.lifecycle.TransitionTable.Branch.when;

/**
 * The BSVHU lifecycle (reference machine.ts): each signature moves the status through this table. Drafts are not
 * signed at all (checked before the table).
 */
public final class BsvhuLifecycle {
    static final Guard<BsvhuFacts> REFUSED = new Guard<>("refused at reception", BsvhuFacts::refused);
    static final Guard<BsvhuFacts> EMITTER_CANNOT_SIGN = new Guard<>(
            "emitter in an irregular situation, without SIRET or not registered",
            f -> f.irregularSituation() && f.emitterWithoutSignature());

    public static final TransitionTable<BsvhuStatus, SignatureTypeInput, BsvhuFacts> TABLE =
            TransitionTable.<BsvhuStatus, SignatureTypeInput, BsvhuFacts>builder()
                    .on(INITIAL, EMISSION, otherwise(SIGNED_BY_PRODUCER))
                    .on(INITIAL, TRANSPORT, when(EMITTER_CANNOT_SIGN, SENT))
                    .on(SIGNED_BY_PRODUCER, TRANSPORT, otherwise(SENT))
                    .on(SENT, TRANSPORT, otherwise(SENT))
                    .on(SENT, RECEPTION, when(REFUSED, BsvhuStatus.REFUSED), otherwise(RECEIVED))
                    .on(SENT, OPERATION, when(REFUSED, BsvhuStatus.REFUSED), otherwise(PROCESSED))
                    .on(RECEIVED, OPERATION, otherwise(PROCESSED))
                    .build();

    private BsvhuLifecycle() {
    }
}
