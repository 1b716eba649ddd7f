package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.pdf.RoadControlPolicy;
import fr.wastetrace.bsd.core.permission.BsdAccess;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.subgraph.ApiException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what on a BSDD (spec bsdd.md §5): each check is a verb that throws the contract's error. A caller none of
 * whose companies can see the BSDD gets {@code FORBIDDEN}, a BSDD that does not exist {@code BAD_USER_INPUT}
 * ({@link BsdAccess}).
 */
public final class BsddPermissions {

    private BsddPermissions() {
    }

    /** The error for a BSDD that does not exist or is deleted. */
    public static ApiException notFound(String id) {
        return BsdAccess.notFound(id);
    }

    /** Org ids on the BSDD: emitter, recipient, transporters, trader, broker, eco-organisme, intermediaries. */
    public static Set<String> contributors(BsddData f, Collection<Transporter> transporters) {
        Set<String> orgIds = new LinkedHashSet<>();
        if (f.emitter != null) {
            orgIds.add(orgId(f.emitter.company));
        }
        if (f.recipient != null) {
            orgIds.add(orgId(f.recipient.company));
        }
        transporters.forEach(t -> orgIds.add(orgId(t.company)));
        if (f.trader != null) {
            orgIds.add(orgId(f.trader.company));
        }
        if (f.broker != null) {
            orgIds.add(orgId(f.broker.company));
        }
        if (f.ecoOrganisme != null) {
            orgIds.add(f.ecoOrganisme.siret);
        }
        f.intermediaries.forEach(c -> orgIds.add(orgId(c)));
        orgIds.addAll(TemporaryStorageService.suiteOrgIds(f));
        orgIds.remove(null);
        return orgIds;
    }

    /** The org ids through which a BSDD is seen: the companies on it; for a draft, the creator's still on it. */
    public static Set<String> readers(BsddRecord form, List<Transporter> transporters) {
        Set<String> readers = contributors(form.data, transporters);
        if (BsddLifecycle.isDraft(form.status())) {
            readers.retainAll(form.draftAccessOrgIds);
        }
        return readers;
    }

    /** The companies through which the caller sees the BSDD. */
    public static Set<String> visibleThrough(CallerCompanies caller, BsddRecord form, List<Transporter> transporters) {
        return readers(form, transporters).stream().filter(caller::isMemberOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static void checkCanRead(CallerCompanies caller, BsddRecord form, List<Transporter> transporters) {
        if (!canRead(caller, form, transporters)) {
            throw BsdAccess.forbidden();
        }
    }

    /** The rule of {@code form(id)}: the caller may read the BSDD through one of the companies it sees it through. */
    public static boolean canRead(CallerCompanies caller, BsddRecord form, List<Transporter> transporters) {
        return caller.can(UserPermission.BSD_CAN_READ, visibleThrough(caller, form, transporters));
    }

    /**
     * {@code createPdfAccessToken}: a link for roadside checks exists only while the waste is on the road (SENT, or
     * RESENT after a temporary storage), and only a caller who may read the BSDD gives one. Unlike {@code form(id)}, a
     * caller not on the BSDD is told so ({@code FORBIDDEN}), as the reference does; the status is told only to readers.
     */
    public static void checkCanGrantRoadControlAccess(CallerCompanies caller, BsddRecord form, List<Transporter> transporters) {
        if (!canRead(caller, form, transporters)) {
            throw new ApiException.Forbidden("Vous n'êtes pas autorisé à accéder à ce bordereau : seules les entreprises "
                    + "qui y figurent peuvent en donner l'accès pour un contrôle routier.");
        }
        if (!BsddLifecycle.onTheRoad(form.status())) {
            throw RoadControlPolicy.notOnTheRoad(form.status, "SENT ou RESENT");
        }
    }

    public static void checkCanReceive(CallerCompanies caller, BsddRecord form, List<Transporter> transporters) {
        checkDestination(caller, form, transporters, BsddSignatureSteps.STEPS.step("markAsReceived"), "réceptionner");
    }

    public static void checkCanProcess(CallerCompanies caller, BsddRecord form, List<Transporter> transporters) {
        checkDestination(caller, form, transporters, BsddSignatureSteps.STEPS.step("markAsProcessed"), "traiter");
    }

    /**
     * Reception and processing: only the destination signs (the step's signer, with its permission), never for an
     * appendix-1 item (its container does).
     */
    private static void checkDestination(CallerCompanies caller, BsddRecord form, List<Transporter> transporters,
                                         SignatureStep<BsddRecord, BsddEvent> step, String verb) {
        checkCanRead(caller, form, transporters);
        if (form.data.emitter != null && form.data.emitter.type == EmitterType.APPENDIX1_PRODUCER) {
            throw new ApiException.Forbidden("Un bordereau d'annexe 1 suit son bordereau chapeau : c'est celui-ci qu'il "
                    + "faut " + verb + ".");
        }
        if (!caller.can(step.permission(), step.signersOf(form))) {
            throw new ApiException.Forbidden("Seule l'installation de destination du bordereau peut le " + verb + ".");
        }
    }

    /** The caller sees the BSDD and holds {@code permission} on one of the companies through which it sees it. */
    private static void checkOnForm(CallerCompanies caller, BsddRecord form, List<Transporter> transporters,
                                    UserPermission permission, String refusal) {
        Set<String> through = visibleThrough(caller, form, transporters);
        if (through.isEmpty()) {
            throw BsdAccess.forbidden();
        }
        if (!caller.can(permission, through)) {
            throw new ApiException.Forbidden(refusal);
        }
    }

    public static void checkCanUpdate(CallerCompanies caller, BsddRecord form, List<Transporter> transporters) {
        checkOnForm(caller, form, transporters, UserPermission.BSD_CAN_UPDATE,
                "Votre rôle dans les entreprises du bordereau ne permet pas de le modifier.");
    }

    /** After a change, the caller must still appear on the BSDD through one of its companies. */
    public static void checkStillOnForm(CallerCompanies caller, BsddData f, List<Transporter> transporters) {
        if (contributors(f, transporters).stream().noneMatch(caller::isMemberOf)) {
            throw new ApiException.Forbidden("Cette modification retirerait toutes vos entreprises du bordereau : "
                    + "gardez au moins l'une d'elles.");
        }
    }

    public static void checkCanSeal(CallerCompanies caller, BsddRecord form, List<Transporter> transporters) {
        checkOnForm(caller, form, transporters, UserPermission.BSD_CAN_DELETE,
                "Votre rôle dans les entreprises du bordereau ne permet pas de le finaliser (il faut être membre ou "
                        + "administrateur).");
    }

    /** The emitter (or the eco-organisme, when it signs) may sign; another company only with its security code. */
    /** Whether the caller signs the emission for {@code signerOrgId} as a member (the step's permission). */
    public static boolean canSignEmissionDirectly(CallerCompanies caller, String signerOrgId) {
        return caller.can(BsddSignatureSteps.STEPS.step("signEmissionForm").permission(), signerOrgId);
    }

    /** Whether the caller signs a transport for {@code transporterOrgId} as a member (the step's permission). */
    public static boolean canSignTransportDirectly(CallerCompanies caller, String transporterOrgId) {
        return caller.can(BsddSignatureSteps.STEPS.step("signTransportForm").permission(), transporterOrgId);
    }

    /** Creation: the caller must hold BSD_CAN_CREATE on a company named in the payload (not for appendix-1 items). */
    public static void checkCanCreate(CallerCompanies caller, BsddData f, List<Transporter> transporters) {
        if (f.emitter != null && f.emitter.type == EmitterType.APPENDIX1_PRODUCER) {
            if (caller.orgIdsWith(UserPermission.BSD_CAN_CREATE).isEmpty()) {
                throw new ApiException.Forbidden("Votre rôle dans vos entreprises ne permet pas de créer de bordereau.");
            }
            return;
        }
        if (!caller.can(UserPermission.BSD_CAN_CREATE, contributors(f, transporters))) {
            throw new ApiException.Forbidden("Vous ne pouvez créer un bordereau que si l'une de vos entreprises y figure "
                    + "et que votre rôle permet d'en créer.");
        }
    }

    static String orgId(FormCompany company) {
        return company == null ? null : company.identifier();
    }
}
