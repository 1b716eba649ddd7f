package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/** The BSDA's allowed actions: its signature steps, the table check of {@code signBsda}, its revision rule. */
@ApplicationScoped
public class BsdaActions extends DocumentActions<Bsda, BsdaLifecycle.Event> {
    private static final Set<String> SIGNABLE = BsdaSignatures.STEPS.signableStatuses(BsdaLifecycle.TABLE);

    @Inject
    BsdaRevisions revisions;

    @Override
    public BsdType<Bsda> type() {
        return BsdaDescriptor.INSTANCE;
    }

    @Override
    public SignatureSteps<Bsda, BsdaLifecycle.Event> signatureSteps() {
        return BsdaSignatures.STEPS;
    }

    @Override
    public boolean canMove(BsdRecord<Bsda> record, BsdaLifecycle.Event event) {
        return BsdaService.canMove(BsdaStatus.valueOf(record.status), event, record.data);
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
    public Optional<String> revisionRefusal(CallerCompanies companies, BsdRecord<Bsda> record) {
        return revisions.refusal(companies, record);
    }
}
