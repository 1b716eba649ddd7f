package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.revision.BsddRevisionService;
import fr.wastetrace.bsd.core.action.BsdActions;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.mutation.BsdType;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The BSDD's allowed actions: its signature steps (named after its signing mutations), its table (the emission and
 * transport guards read the stored BSDD; those of reception, acceptation and processing read the answers the
 * mutation brings, so only the table's row is asked for), its revision rule.
 */
@ApplicationScoped
public class BsddActions implements BsdActions<BsddData, BsddRecord, BsddEvent> {
    private static final Set<BsddEvent> GUARDS_ON_STORED_FACTS = EnumSet.of(BsddEvent.SIGN_EMISSION,
            BsddEvent.SIGN_TRANSPORT);

    @Inject
    BsddType type;
    @Inject
    BsddRevisionService revisions;

    @Override
    public BsdType<BsddData> type() {
        return type;
    }

    @Override
    public SignatureSteps<BsddRecord, BsddEvent> signatureSteps() {
        return BsddSignatureSteps.STEPS;
    }

    @Override
    public BsddRecord subject(BsdRecord<BsddData> record) {
        return BsddType.form(record);
    }

    @Override
    public boolean canMove(BsdRecord<BsddData> record, BsddEvent event) {
        BsddRecord form = BsddType.form(record);
        return GUARDS_ON_STORED_FACTS.contains(event)
                ? BsddLifecycle.next(form.status(), event, BsddWrites.facts(form)).isPresent()
                : BsddLifecycle.allows(form.status(), event);
    }

    @Override
    public Set<String> signableStatuses() {
        return BsddLifecycle.statusesAllowingAny(BsddSignatureSteps.STEPS);
    }

    @Override
    public boolean hasRevisions() {
        return true;
    }

    @Override
    public Optional<String> revisionRefusal(CallerCompanies companies, BsdRecord<BsddData> record) {
        return revisions.refusal(companies, BsddType.form(record));
    }
}
