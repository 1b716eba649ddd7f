package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffStatus;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * The BSFF's allowed actions: its signature steps and its table's rows, which {@code signBsff} checks first (the
 * guards of ACCEPTATION and OPERATION read the containers' answers the signature brings).
 */
@ApplicationScoped
public class BsffActions extends DocumentActions<Bsff, BsffLifecycle.Event> {
    private static final Set<String> SIGNABLE = BsffSignatures.STEPS.signableStatuses(BsffLifecycle.TABLE);

    @Override
    public BsdType<Bsff> type() {
        return BsffDescriptor.INSTANCE;
    }

    @Override
    public SignatureSteps<Bsff, BsffLifecycle.Event> signatureSteps() {
        return BsffSignatures.STEPS;
    }

    @Override
    public boolean canMove(BsdRecord<Bsff> record, BsffLifecycle.Event event) {
        return BsffLifecycle.TABLE.allows(BsffStatus.valueOf(record.status), event);
    }

    @Override
    public Set<String> signableStatuses() {
        return SIGNABLE;
    }
}
