package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.core.action.DocumentActions;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The BSDA's allowed actions: its signature steps, the table check of {@code signBsda}, its revision rule. */
@ApplicationScoped
public class BsdaActions extends DocumentActions<Bsda, BsdaLifecycle.Event> {
    @Inject
    BsdaRevisions revisions;

    public BsdaActions() {
        super(BsdaDescriptor.INSTANCE, BsdaSignatures.STEPS, BsdaLifecycle.TABLE);
    }

    @Override
    public boolean canMove(BsdRecord<Bsda> record, BsdaLifecycle.Event event) {
        return BsdaService.canMove(BsdaStatus.valueOf(record.status), event, record.data);
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
