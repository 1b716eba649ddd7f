package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/** The BSDASRI's allowed actions: its signature steps, the move check of {@code signBsdasri}, its revision rule. */
@ApplicationScoped
public class BsdasriActions extends DocumentActions<Bsdasri, BsdasriLifecycle.Event> {
    private static final Set<String> SIGNABLE = BsdasriSignatures.STEPS.signableStatuses(BsdasriLifecycle.TABLE);

    @Inject
    BsdasriService service;
    @Inject
    BsdasriRevisions revisions;

    @Override
    public BsdType<Bsdasri> type() {
        return BsdasriDescriptor.INSTANCE;
    }

    @Override
    public SignatureSteps<Bsdasri, BsdasriLifecycle.Event> signatureSteps() {
        return BsdasriSignatures.STEPS;
    }

    @Override
    public boolean canMove(BsdRecord<Bsdasri> record, BsdasriLifecycle.Event event) {
        return service.moveRefusal(BsdasriStatus.valueOf(record.status), event, record.data).isEmpty();
    }

    @Override
    public Set<String> signableStatuses() {
        return SIGNABLE;
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
