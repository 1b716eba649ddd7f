package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.pdf.BsdasriPdfs;
import fr.wastetrace.bsd.core.pdf.DocumentRoadControl;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The BSDASRI's road-control link ({@code createPdfAccessToken}): for its readers, while it is SENT (reference). */
@ApplicationScoped
public class BsdasriRoadControl extends DocumentRoadControl<Bsdasri> {
    public BsdasriRoadControl() {
        super("DASRI-", BsdasriService.TYPE, BsdasriPdfs.BSD_TYPE, Set.of("SENT"));
    }
}
