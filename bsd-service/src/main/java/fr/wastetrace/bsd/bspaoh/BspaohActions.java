package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;

/** The BSPAOH's allowed actions: its signature steps, its table with the facts {@code signBspaoh} evaluates. */
@ApplicationScoped
public class BspaohActions extends DocumentActions<Bspaoh, BspaohEvent> {

    public BspaohActions() {
        super(BspaohType.INSTANCE, BspaohSignatures.STEPS, BspaohLifecycle.TABLE);
    }

    @Override
    public boolean canMove(BsdRecord<Bspaoh> record, BspaohEvent event) {
        return BspaohLifecycle.TABLE.next(BspaohStatus.valueOf(record.status), event,
                BspaohService.facts(record.data)).isPresent();
    }
}
