package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormRole;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.FormsLifeCycleData;
import fr.wastetrace.bsd.bsdd.model.StatusLog;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.bsdd.persistence.BsddListQuery;
import fr.wastetrace.bsd.bsdd.persistence.StatusLogRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.common.Json;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The BSDD queries: {@code form}, {@code forms}, {@code formsLifeCycle}. */
@ApplicationScoped
public class BsddQueries {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;
    static final int LIFE_CYCLE_PAGE = 100;

    @Inject
    BsddRepository forms;
    @Inject
    CompanyDirectory directory;

    public Form form(CallerIdentity caller, String id, String readableId) {
        if ((id == null) == (readableId == null)) {
            throw new ApiException.BadUserInput("Identifiez le bordereau par son id ou par son readableId, l'un des deux "
                    + "exactement (id, readableId).");
        }
        CallerCompanies companies = directory.companiesOf(caller);
        BsddRecord form = (id != null ? forms.find(id) : forms.findByReadableId(readableId))
                .orElseThrow(() -> BsddPermissions.notFound(id != null ? id : readableId));
        List<TransporterRecord> transporters = forms.transporters(form.id);
        BsddPermissions.checkCanRead(companies, form, transporters.stream().map(t -> t.data).toList());
        return BsddViews.of(form, transporters);
    }

    public List<Form> forms(CallerIdentity caller, String siret, Integer skip, String cursorAfter, Integer first,
                            String cursorBefore, Integer last, String sentAfter, String updatedAfter,
                            List<FormStatus> status, List<FormRole> roles, Boolean hasNextStep,
                            String siretPresentOnForm, String wasteCode, String customId) {
        CallerCompanies companies = directory.companiesOf(caller);
        String orgId = siret;
        if (orgId == null) {
            if (companies.orgIds().isEmpty()) {
                return List.of();
            }
            if (companies.orgIds().size() > 1) {
                throw new ApiException.BadUserInput("Vous appartenez à plusieurs entreprises : précisez laquelle avec "
                        + "l'argument siret.");
            }
            orgId = companies.orgIds().iterator().next();
        }
        if (!companies.can(UserPermission.BSD_CAN_LIST, orgId)) {
            throw new ApiException.Forbidden("Vous n'avez pas le droit de lister les bordereaux de l'établissement "
                    + orgId + ".");
        }
        if (first != null && last != null) {
            throw new ApiException.BadUserInput("Utilisez first ou last, pas les deux (first, last).");
        }
        if (first != null && cursorBefore != null || last != null && cursorAfter != null) {
            throw new ApiException.BadUserInput("first va avec cursorAfter, last avec cursorBefore (first, last, "
                    + "cursorAfter, cursorBefore).");
        }
        if (skip != null && (cursorAfter != null || cursorBefore != null)) {
            throw new ApiException.BadUserInput("skip ne se combine pas avec un curseur (skip, cursorAfter, cursorBefore).");
        }
        if (cursorAfter != null && cursorBefore != null) {
            throw new ApiException.BadUserInput("Utilisez cursorAfter ou cursorBefore, pas les deux.");
        }
        Integer size = first != null ? first : last;
        if (size != null && (size < 1 || size > MAX_PAGE)) {
            throw new ApiException.BadUserInput("La taille de page doit être comprise entre 1 et 100 (first, last).");
        }
        if (skip != null && skip < 0) {
            throw new ApiException.BadUserInput("skip ne peut pas être négatif (skip).");
        }
        BsddListQuery query = new BsddListQuery(orgId, roles == null ? Set.of() : Set.copyOf(roles), status, hasNextStep,
                siretPresentOnForm, wasteCode, customId, date(sentAfter, "sentAfter"), date(updatedAfter, "updatedAfter"),
                cursorAfter, cursorBefore, size == null ? DEFAULT_PAGE : size, skip == null ? 0 : skip);
        List<BsddRecord> page = forms.list(query);
        Map<String, List<TransporterRecord>> transporters = new HashMap<>();
        forms.transportersOf(page.stream().map(f -> f.id).toList())
                .forEach(t -> transporters.computeIfAbsent(t.formId, k -> new ArrayList<>()).add(t));
        return page.stream().map(f -> BsddViews.of(f, transporters.getOrDefault(f.id, List.of()))).toList();
    }

    public FormsLifeCycleData lifeCycle(CallerIdentity caller, String siret, String loggedBefore, String loggedAfter,
                                        String cursorAfter, String cursorBefore, String formId) {
        CallerCompanies companies = directory.companiesOf(caller);
        if (companies.orgIds().isEmpty()) {
            throw new ApiException.Forbidden("Vous n'appartenez à aucune entreprise : aucun bordereau à suivre.");
        }
        String orgId = siret;
        if (orgId == null) {
            if (companies.orgIds().size() > 1) {
                throw new ApiException.BadUserInput("Vous appartenez à plusieurs entreprises : précisez laquelle avec "
                        + "l'argument siret.");
            }
            orgId = companies.orgIds().iterator().next();
        }
        if (!companies.can(UserPermission.BSD_CAN_LIST, orgId)) {
            throw new ApiException.Forbidden("Vous n'avez pas le droit de suivre les bordereaux de l'établissement "
                    + orgId + ".");
        }
        List<StatusLogRecord> logs = forms.statusLogs(new BsddListQuery.LifeCycle(orgId, formId,
                date(loggedAfter, "loggedAfter"), date(loggedBefore, "loggedBefore"), cursorAfter, cursorBefore,
                LIFE_CYCLE_PAGE + 1));
        boolean more = logs.size() > LIFE_CYCLE_PAGE;
        if (more) {
            logs = cursorBefore != null ? logs.subList(1, logs.size()) : logs.subList(0, LIFE_CYCLE_PAGE);
        }
        FormsLifeCycleData data = new FormsLifeCycleData();
        for (StatusLogRecord r : logs) {
            StatusLog log = new StatusLog();
            log.id = r.id();
            log.status = r.status();
            log.loggedAt = r.loggedAt();
            log.updatedFields = new Json(r.updatedFields().toString());
            log.form = new StatusLog.StatusLogForm();
            log.form.id = r.formId();
            log.form.readableId = r.readableId();
            log.user = new StatusLog.StatusLogUser();
            log.user.id = r.userSubject();
            data.statusLogs.add(log);
        }
        data.count = data.statusLogs.size();
        boolean backwards = cursorBefore != null;
        data.hasNextPage = backwards || more;
        data.hasPreviousPage = backwards ? more : cursorAfter != null;
        data.startCursor = data.statusLogs.isEmpty() ? null : data.statusLogs.get(0).id;
        data.endCursor = data.statusLogs.isEmpty() ? null : data.statusLogs.get(data.statusLogs.size() - 1).id;
        return data;
    }

    /** An ISO date or date-time argument. */
    static Instant date(String value, String argument) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException.BadUserInput("La date « " + value + " » n'est pas au format ISO 8601, par exemple "
                    + "2026-11-27 ou 2026-11-27T10:00:00Z (" + argument + ").");
        }
    }
}
