package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** The BSVHU's allowed actions: its signature steps, its table with the facts {@code signBsvhu} evaluates. */
@ApplicationScoped
public class BsvhuActions extends DocumentActions<Bsvhu, SignatureTypeInput> {
    private static final Set<String> SIGNABLE = BsvhuSignatures.STEPS.signableStatuses(BsvhuLifecycle.TABLE);

    @Inject
    BsvhuService service;

    @Override
    public BsdType<Bsvhu> type() {
        return BsvhuType.INSTANCE;
    }

    @Override
    public SignatureSteps<Bsvhu, SignatureTypeInput> signatureSteps() {
        return BsvhuSignatures.STEPS;
    }

    @Override
    public boolean canMove(BsdRecord<Bsvhu> record, SignatureTypeInput event) {
        return BsvhuLifecycle.TABLE.next(BsvhuStatus.valueOf(record.status), event, service.facts(record.data))
                .isPresent();
    }

    @Override
    public Set<String> signableStatuses() {
        return SIGNABLE;
    }
}
