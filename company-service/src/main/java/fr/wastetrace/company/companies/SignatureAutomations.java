package fr.wastetrace.company.companies;

import fr.wastetrace.company.Timestamps;
import fr.wastetrace.company.directory.Directory;
import fr.wastetrace.company.users.UserAccountEntity;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Appendix-1 signature automations (spec bsdd.md §2.8): a producer lets a transporter take its appendix-1 items over
 * without its signature. Granting or removing one changes what bsd-service must know of the granting company, so
 * its state is published again in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SignatureAutomations {
    private static final String MANAGE = "gérer ses signatures automatiques d'annexe 1";

    @Inject
    Companies companies;
    @Inject
    CompanyEvents events;
    @Inject
    Directory directory;

    public SignatureAutomationEntity grant(UserAccountEntity caller, String fromId, String toId) {
        CompanyEntity from = companies.lock(fromId);
        companies.require(caller, from, UserPermission.COMPANY_CAN_MANAGE_SIGNATURE_AUTOMATION, MANAGE);
        if (!from.allowAppendix1SignatureAutomation) {
            throw new ApiException.Forbidden("La signature automatique des annexes 1 est désactivée pour "
                    + "l'établissement " + from.orgId + " : activez-la d'abord dans son profil (updateCompany, "
                    + "allowAppendix1SignatureAutomation: true).");
        }
        if (from.id.equals(toId)) {
            throw new ApiException.BadUserInput("Un établissement ne peut pas s'accorder à lui-même la signature "
                    + "automatique de ses annexes 1 : désignez l'entreprise qui les collecte (to).");
        }
        CompanyEntity to = companies.byId(toId);
        if (SignatureAutomationEntity.between(from.id, to.id).isPresent()) {
            throw new ApiException.Forbidden("L'établissement " + to.orgId + " est déjà autorisé à signer "
                    + "automatiquement les annexes 1 de " + from.orgId + " : une autorisation ne s'ajoute qu'une fois.");
        }
        SignatureAutomationEntity automation = new SignatureAutomationEntity();
        automation.id = UUID.randomUUID().toString();
        automation.from = from;
        automation.to = to;
        automation.createdAt = Timestamps.now();
        automation.persist();
        events.publish(from);
        return automation;
    }

    public SignatureAutomationEntity remove(UserAccountEntity caller, String id) {
        SignatureAutomationEntity automation = id == null ? null : SignatureAutomationEntity.findById(id);
        if (automation == null) {
            throw new ApiException.BadUserInput("Aucune signature automatique d'annexe 1 ne porte l'identifiant « "
                    + id + " ».");
        }
        CompanyEntity from = companies.lock(automation.from.id);
        companies.require(caller, from, UserPermission.COMPANY_CAN_MANAGE_SIGNATURE_AUTOMATION, MANAGE);
        automation.delete();
        events.publish(from);
        return automation;
    }

    /** orgIds of the companies the company granted an automation to, for its published state. */
    public static List<String> grantedTo(CompanyEntity from) {
        return SignatureAutomationEntity.grantedBy(from.id).stream().map(a -> a.to.orgId).sorted().toList();
    }

    public SignatureAutomation view(SignatureAutomationEntity automation) {
        SignatureAutomation view = new SignatureAutomation();
        view.id = automation.id;
        view.from = publicView(automation.from);
        view.to = publicView(automation.to);
        view.createdAt = automation.createdAt;
        return view;
    }

    private CompanyPublic publicView(CompanyEntity company) {
        return CompanyViews.toPublic(company.orgId, company,
                company.siret == null ? null : directory.find(company.siret).orElse(null));
    }
}
