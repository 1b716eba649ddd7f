package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.pdf.BsffPdfs;
import fr.wastetrace.bsd.core.pdf.DocumentRoadControl;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The BSFF's road-control link ({@code createPdfAccessToken}): for its readers, while it is SENT (reference). */
@ApplicationScoped
public class BsffRoadControl extends DocumentRoadControl<Bsff> {
    public BsffRoadControl() {
        super("FF-", BsffService.TYPE, BsffPdfs.BSD_TYPE, Set.of("SENT"));
    }
}
