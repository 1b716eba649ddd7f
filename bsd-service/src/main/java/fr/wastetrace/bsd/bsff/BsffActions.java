package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffStatus;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The BSFF's allowed actions: its signature steps and its table's rows, which {@code signBsff} checks first (the
 * guards of ACCEPTATION and OPERATION read the containers' answers the signature brings).
 */
@ApplicationScoped
public class BsffActions extends DocumentActions<Bsff, BsffLifecycle.Event> {

    public BsffActions() {
        super(BsffDescriptor.INSTANCE, BsffSignatures.STEPS, BsffLifecycle.TABLE);
    }

    @Override
    public boolean canMove(BsdRecord<Bsff> record, BsffLifecycle.Event event) {
        return BsffLifecycle.TABLE.allows(BsffStatus.valueOf(record.status), event);
    }
}
