package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.pdf.BsvhuPdfs;
import fr.wastetrace.bsd.core.pdf.DocumentRoadControl;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The BSVHU's road-control link ({@code createPdfAccessToken}): for its readers, while it is SENT (reference). */
@ApplicationScoped
public class BsvhuRoadControl extends DocumentRoadControl<Bsvhu> {
    public BsvhuRoadControl() {
        super("VHU-", BsvhuService.TYPE, BsvhuPdfs.BSD_TYPE, Set.of("SENT"));
    }
}
