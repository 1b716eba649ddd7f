package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormFraction;
import fr.wastetrace.bsd.bsdd.model.GroupingFraction;
import fr.wastetrace.bsd.bsdd.model.InitialForm;
import fr.wastetrace.bsd.bsdd.model.InitialFormFraction;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.bsdd.persistence.GroupingRepository.Allotment;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grouping fields of {@code Form}: the BSDDs it groups ({@code grouping}), the BSDDs it is grouped in
 * ({@code groupedIn}) and how much of it is grouped ({@code quantityGrouped}). A grouped BSDD shows its emitter only
 * to callers who may read it: the final destination does not learn the producers' commercial data.
 */
@ApplicationScoped
public class GroupingViews {
    private static final Pattern POSTAL_CODE = Pattern.compile("\\b(\\d{5})\\b");

    @Inject
    BsddRepository forms;
    @Inject
    GroupingService groupings;
    @Inject
    CompanyDirectory directory;

    public List<InitialFormFraction> grouping(CallerIdentity caller, Form form) {
        CallerCompanies companies = directory.companiesOf(caller);
        List<InitialFormFraction> result = new ArrayList<>();
        for (GroupingFraction fraction : form.groupingFractions) {
            BsddRecord initial = forms.find(fraction.formId).orElse(null);
            if (initial == null) {
                continue;
            }
            InitialFormFraction view = new InitialFormFraction();
            view.form = initialForm(companies, initial);
            view.quantity = fraction.quantity;
            result.add(view);
        }
        return result;
    }

    public List<FormFraction> groupedIn(Form form) {
        List<FormFraction> result = new ArrayList<>();
        for (Allotment allotment : groupings.liveAllotments(form.id)) {
            forms.find(allotment.groupingFormId()).ifPresent(grouping -> {
                FormFraction view = new FormFraction();
                view.form = BsddViews.of(grouping, forms.transporters(grouping.id));
                view.quantity = allotment.quantity();
                result.add(view);
            });
        }
        return result;
    }

    public double quantityGrouped(Form form) {
        return groupings.quantityGrouped(form.id);
    }

    private InitialForm initialForm(CallerCompanies companies, BsddRecord record) {
        List<TransporterRecord> transporters = forms.transporters(record.id);
        Form full = BsddViews.of(record, transporters);
        InitialForm view = new InitialForm();
        view.id = full.id;
        view.readableId = full.readableId;
        view.status = full.status;
        view.wasteDetails = full.wasteDetails;
        boolean readable = companies.can(UserPermission.BSD_CAN_READ,
                BsddPermissions.visibleThrough(companies, record, full.transporters));
        view.emitter = readable ? full.emitter : null;
        String address = full.emitter == null || full.emitter.company == null ? null : full.emitter.company.address;
        Matcher postalCode = address == null ? null : POSTAL_CODE.matcher(address);
        view.emitterPostalCode = postalCode != null && postalCode.find() ? postalCode.group(1) : null;
        view.recipient = full.recipient;
        view.transporter = full.transporter;
        view.takenOverAt = full.takenOverAt;
        view.signedAt = full.signedAt;
        view.quantityReceived = full.quantityReceived;
        view.quantityAccepted = full.quantityAccepted;
        view.quantityRefused = full.quantityRefused;
        view.processingOperationDone = full.processingOperationDone;
        view.quantityGrouped = groupings.quantityGrouped(record.id);
        return view;
    }
}
