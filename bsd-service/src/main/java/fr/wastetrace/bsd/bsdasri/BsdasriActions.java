package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The BSDASRI's allowed actions: its signature steps, the move check of {@code signBsdasri}, its revision rule. */
@ApplicationScoped
public class BsdasriActions extends DocumentActions<Bsdasri, BsdasriLifecycle.Event> {
    @Inject
    BsdasriService service;
    @Inject
    BsdasriRevisions revisions;

    public BsdasriActions() {
        super(BsdasriDescriptor.INSTANCE, BsdasriSignatures.STEPS, BsdasriLifecycle.TABLE);
    }

    @Override
    public boolean canMove(BsdRecord<Bsdasri> record, BsdasriLifecycle.Event event) {
        return service.moveRefusal(BsdasriStatus.valueOf(record.status), event, record.data).isEmpty();
    }

    @Override
    public boolean hasRevisions() {
        return true;
    }

    @Override
    public Optional<String> revisionRefusal(CallerCompanies companies, BsdRecord<Bsdasri> record) {
        return revisions.refusal(companies, record);
    }
}
