package fr.wastetrace.bsd.core.signature;

import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.events.company.CompanyState;

import java.util.Optional;

/**
 * The receipt a transporter's signature writes on a BSD: the one of its company's profile, unless the transporter is
 * exempted (then none is written).
 */
public final class TransporterReceipts {
    private TransporterReceipts() {
    }

    public static Optional<CompanyState.Receipt> fromProfile(CompanyDirectory directory, String orgId,
                                                             Boolean exempted) {
        if (Boolean.TRUE.equals(exempted) || orgId == null) {
            return Optional.empty();
        }
        return directory.byOrgId(orgId).map(CompanyView::transporterReceipt);
    }
}
