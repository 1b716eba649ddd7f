package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * BSDD deletion and duplication: {@code deleteForm}, {@code duplicateForm}.
 */
@ApplicationScoped
public class BsddDeletion {
    @Inject
    BsddWrites writes;
    @Inject
    GroupingService groupings;
    private final Clock clock = Clock.systemUTC();

    @Transactional
    public Form delete(CallerIdentity caller, String id) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        loaded.mutation().require(Verb.DELETE);
        Form view = writes.softDelete(loaded);
        groupings.afterDelete(loaded.form());
        return view;
    }

    @Transactional
    public Form duplicate(CallerIdentity caller, String id) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        loaded.mutation().require(Verb.DUPLICATE);
        CallerCompanies companies = loaded.companies();
        BsddRecord source = loaded.form();
        if (source.data.emitter != null && source.data.emitter.type == EmitterType.APPENDIX1_PRODUCER) {
            throw new ApiException.BadUserInput("Un bordereau d'annexe 1 ne peut pas être dupliqué.");
        }
        Instant now = clock.instant();
        BsddWrites.Loaded created = writes.start(caller, companies, now);
        BsddRecord copy = created.form();
        BsddData s = BsddWrites.copy(source.data);
        BsddData d = copy.data;
        d.emitter = s.emitter;
        d.recipient = s.recipient;
        if (d.recipient != null) {
            d.recipient.parcelInseeCodes = null;
            d.recipient.parcelNumbers = null;
            d.recipient.parcelCoordinates = null;
        }
        d.wasteDetails = s.wasteDetails;
        if (d.wasteDetails != null) {
            d.wasteDetails.quantity = 0.0;
            if (Boolean.TRUE.equals(d.wasteDetails.isDangerous) || Boolean.TRUE.equals(d.wasteDetails.pop)) {
                d.wasteDetails.isSubjectToADR = true;
            }
        }
        d.trader = s.trader;
        d.broker = s.broker;
        d.ecoOrganisme = s.ecoOrganisme;
        d.intermediaries = s.intermediaries;
        d.isDirectSupply = s.isDirectSupply;
        d.temporaryStorageDetail = TemporaryStorageService.duplicateSuite(s);
        d.isDuplicateOf = source.readableId;
        List<TransporterRecord> transporters = new ArrayList<>();
        if (!loaded.transporters().isEmpty()) {
            TransporterRecord first = new TransporterRecord();
            Transporter original = loaded.transporters().get(0).data;
            first.data.id = Ids.newId();
            first.data.company = BsddWrites.copy(original.company, FormCompany.class);
            first.data.isExemptedOfReceipt = original.isExemptedOfReceipt;
            first.data.mode = original.mode;
            first.data.customInfo = original.customInfo;
            first.formId = copy.id;
            first.number = 1;
            first.createdAt = now;
            transporters.add(first);
        }
        BsddEditing.recipify(d, transporters, writes.known(d, transporters));
        copy.draftAccessOrgIds = Visibility.draftAccess(companies, BsddPermissions.contributors(d, BsddWrites.data(transporters)));
        copy.transporters = transporters;
        return writes.save(created);
    }
}
