package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.BsddWrites.Loaded;
import fr.wastetrace.bsd.bsdd.graphql.NextSegmentInfoInput;
import fr.wastetrace.bsd.bsdd.graphql.TakeOverInput;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.TransportSegment;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deprecated multimodal mutations ({@code prepareSegment}, {@code markSegmentAsReadyToTakeOver},
 * {@code takeOverSegment}, {@code editSegment}): a segment is transporter number 2 to 5 of the same transporter list
 * as {@code transporters}, so both APIs see the same journey. A segment is ready to be taken over once the transporter
 * before it has signed: {@code markSegmentAsReadyToTakeOver} checks that it is and changes nothing.
 */
@ApplicationScoped
public class SegmentService {
    @Inject
    BsddWrites writes;
    @Inject
    BsddRepository forms;
    @Inject
    CompanyDirectory directory;

    /** Transporters 2 to n of a list, seen as segments. */
    public static List<TransportSegment> segments(List<Transporter> transporters) {
        List<TransportSegment> segments = new ArrayList<>();
        for (int i = 1; i < transporters.size(); i++) {
            Transporter previous = transporters.get(i - 1);
            Transporter t = transporters.get(i);
            TransportSegment s = new TransportSegment();
            s.id = t.id;
            s.previousTransporterCompanySiret = previous.company == null ? null : previous.company.identifier();
            s.transporter = t;
            s.mode = t.mode;
            s.takenOverAt = t.takenOverAt;
            s.takenOverBy = t.takenOverBy;
            s.readyToTakeOver = previous.takenOverAt != null;
            s.segmentNumber = i;
            segments.add(s);
        }
        return segments;
    }

    @Transactional
    public TransportSegment prepare(CallerIdentity caller, String formId, String siret, NextSegmentInfoInput input) {
        Loaded loaded = writes.open(caller, formId);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        requireActingFor(companies, siret);
        List<TransporterRecord> transporters = new ArrayList<>(loaded.transporters());
        boolean byCurrentTransporter = BsddLifecycle.towardsFirstDestination(form.status()) && siret.equals(form.data.currentTransporterSiret);
        boolean onDraft = BsddLifecycle.isDraft(form.status()) && BsddPermissions.contributors(form.data,
                loaded.transporterData()).contains(siret);
        if (!byCurrentTransporter && !onDraft) {
            throw new ApiException.Forbidden("Seul le transporteur qui a le déchet en charge (ou, en brouillon, un "
                    + "acteur du bordereau) peut préparer le segment suivant.");
        }
        if (transporters.size() >= BsddValidation.MAX_TRANSPORTERS) {
            throw new ApiException.BadUserInput("Un bordereau compte au plus 5 transporteurs : aucun segment ne peut "
                    + "être ajouté.");
        }
        TransporterRecord segment = new TransporterRecord();
        segment.data.id = Ids.newId();
        segment.formId = form.id;
        segment.number = transporters.size() + 1;
        segment.createdAt = Instant.now();
        apply(segment, input);
        transporters.add(segment);
        check(form, transporters);
        forms.insertTransporter(segment);
        form.transporters = transporters;
        writes.save(loaded);
        return find(transporters, segment.id());
    }

    @Transactional
    public TransportSegment edit(CallerIdentity caller, String segmentId, String siret, NextSegmentInfoInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        requireActingFor(companies, siret);
        Loaded loaded = loadSegmentForm(caller, segmentId);
        BsddPermissions.checkCanUpdate(companies, loaded.form(), loaded.transporterData());
        TransporterRecord segment = segment(loaded, segmentId);
        if (segment.data.takenOverAt != null) {
            throw new ApiException.BadUserInput("Ce segment a déjà été pris en charge : il ne peut plus être modifié.");
        }
        apply(segment, input);
        check(loaded.form(), loaded.transporters());
        forms.updateTransporter(segment);
        writes.save(loaded);
        return find(loaded.transporters(), segmentId);
    }

    @Transactional
    public TransportSegment markReadyToTakeOver(CallerIdentity caller, String segmentId) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = loadSegmentForm(caller, segmentId);
        BsddPermissions.checkCanRead(companies, loaded.form(), loaded.transporterData());
        TransporterRecord segment = segment(loaded, segmentId);
        Transporter previous = loaded.transporters().get(segment.number - 2).data;
        if (!companies.can(UserPermission.BSD_CAN_UPDATE, BsddPermissions.orgId(previous.company))) {
            throw new ApiException.Forbidden("Seul le transporteur précédent peut déclarer ce segment prêt à être pris "
                    + "en charge.");
        }
        if (previous.takenOverAt == null || segment.data.takenOverAt != null) {
            throw new ApiException.BadUserInput("Ce segment ne peut être prêt que lorsque le transporteur précédent a "
                    + "pris le déchet en charge, et tant qu'il n'a pas été lui-même pris en charge.");
        }
        return find(loaded.transporters(), segmentId);
    }

    @Transactional
    public TransportSegment takeOver(CallerIdentity caller, String segmentId, TakeOverInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = loadSegmentForm(caller, segmentId);
        BsddRecord form = loaded.form();
        TransporterRecord segment = segment(loaded, segmentId);
        TransporterRecord next = loaded.transporters().stream().filter(t -> t.data.takenOverAt == null).findFirst()
                .orElse(null);
        if (next == null || !next.id().equals(segmentId)) {
            throw new ApiException.BadUserInput("Ce segment n'est pas le prochain à prendre en charge.");
        }
        String signer = BsddPermissions.orgId(segment.data.company);
        if (!BsddPermissions.canSignTransportDirectly(companies, signer)) {
            throw new ApiException.Forbidden("Seul le transporteur de ce segment peut le prendre en charge.");
        }
        FormStatus status = BsddWrites.transition(form, BsddEvent.SIGN_TRANSPORT, BsddWrites.facts(form));
        if (input.numberPlate != null) {
            segment.data.numberPlate = input.numberPlate;
        }
        BsddValidation.transport(form.data, loaded.transporterData(), segment.data, input.takenOverBy, false)
                .throwIfAny(null);
        segment.data.takenOverAt = input.takenOverAt;
        segment.data.takenOverBy = input.takenOverBy;
        form.data.currentTransporterSiret = signer;
        form.data.nextTransporterSiret = loaded.transporters().stream().filter(t -> t.data.takenOverAt == null)
                .findFirst().map(t -> BsddPermissions.orgId(t.data.company)).orElse(null);
        form.setStatus(status);
        forms.updateTransporter(segment);
        loaded.mutation().signed("takeOverSegment", input.takenOverAt, input.takenOverBy, signer);
        writes.save(loaded);
        return find(loaded.transporters(), segmentId);
    }

    private Loaded loadSegmentForm(CallerIdentity caller, String segmentId) {
        TransporterRecord t = forms.findTransporterForUpdate(segmentId).filter(found -> found.formId != null)
                .orElseThrow(() -> new ApiException.BadUserInput("Le segment « " + segmentId + " » est introuvable."));
        Loaded loaded = writes.openLinked(caller, t.formId);
        if (segment(loaded, segmentId).number < 2) {
            throw new ApiException.BadUserInput("Le premier transporteur n'est pas un segment : utilisez "
                    + "signTransportForm ou updateFormTransporter.");
        }
        return loaded;
    }

    private static TransporterRecord segment(Loaded loaded, String segmentId) {
        return loaded.transporters().stream().filter(t -> t.id().equals(segmentId)).findFirst()
                .orElseThrow(() -> new ApiException.BadUserInput("Le segment « " + segmentId + " » est introuvable."));
    }

    private static void requireActingFor(CallerCompanies companies, String siret) {
        if (!companies.can(UserPermission.BSD_CAN_UPDATE, siret)) {
            throw new ApiException.Forbidden("Vous n'agissez pas pour l'établissement " + siret + " : indiquez l'une "
                    + "de vos entreprises (siret).");
        }
    }

    private static void apply(TransporterRecord segment, NextSegmentInfoInput input) {
        if (input.transporter != null) {
            BsddEditing.mergeTransporter(segment.data, input.transporter);
        }
        segment.data.mode = input.mode;
    }

    private void check(BsddRecord form, List<TransporterRecord> transporters) {
        BsddEditing.recipify(form.data, transporters, writes.known(form.data, transporters));
        BsddValidation.draft(form.data, BsddWrites.data(transporters), writes.known(form.data, transporters))
                .throwIfAny(null);
    }

    private static TransportSegment find(List<TransporterRecord> transporters, String segmentId) {
        return segments(BsddWrites.data(transporters)).stream().filter(s -> s.id.equals(segmentId)).findFirst()
                .orElseThrow();
    }
}
