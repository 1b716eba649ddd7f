package fr.wastetrace.bsd.core.signature;

import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.Objects;

/**
 * Who may sign for a company, for every type: a member of the company whose role grants the signature's permission,
 * or anyone who types that company's 4-digit security code (on the driver's tablet), with the brute-force lock of
 * {@link SecurityCodeGuard}.
 */
@ApplicationScoped
public class Signatures {
    private final CompanyDirectory directory;
    private final SecurityCodeGuard securityCodes;

    @Inject
    public Signatures(CompanyDirectory directory, SecurityCodeGuard securityCodes) {
        this.directory = directory;
        this.securityCodes = securityCodes;
    }

    /**
     * Returns the org id the caller signs for, among {@code signers} (the companies allowed to sign this step), or
     * throws {@code FORBIDDEN} (or the guard's errors for a wrong code).
     */
    public String checkCanSignFor(CallerIdentity caller, CallerCompanies companies, Collection<String> signers,
                                  UserPermission permission, Integer securityCode) {
        for (String orgId : signers) {
            if (companies.can(permission, orgId)) {
                return orgId;
            }
        }
        String signer = signers.stream().filter(Objects::nonNull).findFirst().orElse(null);
        if (securityCode == null || signer == null) {
            throw new ApiException.Forbidden("Vous ne pouvez pas signer ce bordereau : signez depuis un compte de "
                    + "l'entreprise concernée ou saisissez son code de signature.");
        }
        Integer expected = directory.byOrgId(signer).map(CompanyView::securityCode).orElse(null);
        securityCodes.check(caller.subject(), signer, expected, securityCode);
        return signer;
    }
}
