package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The BSVHU's allowed actions: its signature steps, its table with the facts {@code signBsvhu} evaluates. */
@ApplicationScoped
public class BsvhuActions extends DocumentActions<Bsvhu, SignatureTypeInput> {
    @Inject
    BsvhuService service;

    public BsvhuActions() {
        super(BsvhuType.INSTANCE, BsvhuSignatures.STEPS, BsvhuLifecycle.TABLE);
    }

    @Override
    public boolean canMove(BsdRecord<Bsvhu> record, SignatureTypeInput event) {
        return BsvhuLifecycle.TABLE.next(BsvhuStatus.valueOf(record.status), event, service.facts(record.data))
                .isPresent();
    }
}
