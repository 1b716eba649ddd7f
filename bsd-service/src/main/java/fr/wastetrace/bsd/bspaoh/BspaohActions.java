package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The BSPAOH's allowed actions: its signature steps, its table with the facts {@code signBspaoh} evaluates. */
@ApplicationScoped
public class BspaohActions extends DocumentActions<Bspaoh, BspaohEvent> {
    private static final Set<String> SIGNABLE = BspaohSignatures.STEPS.signableStatuses(BspaohLifecycle.TABLE);

    @Override
    public BsdType<Bspaoh> type() {
        return BspaohType.INSTANCE;
    }

    @Override
    public SignatureSteps<Bspaoh, BspaohEvent> signatureSteps() {
        return BspaohSignatures.STEPS;
    }

    @Override
    public boolean canMove(BsdRecord<Bspaoh> record, BspaohEvent event) {
        return BspaohLifecycle.TABLE.next(BspaohStatus.valueOf(record.status), event,
                BspaohService.facts(record.data)).isPresent();
    }

    @Override
    public Set<String> signableStatuses() {
        return SIGNABLE;
    }
}
