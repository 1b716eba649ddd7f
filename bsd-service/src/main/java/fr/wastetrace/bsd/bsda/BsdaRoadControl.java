package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.pdf.BsdaPdfs;
import fr.wastetrace.bsd.core.pdf.DocumentRoadControl;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The BSDA's road-control link ({@code createPdfAccessToken}): for its readers, while it is SENT (reference). */
@ApplicationScoped
public class BsdaRoadControl extends DocumentRoadControl<Bsda> {
    public BsdaRoadControl() {
        super("BSDA-", BsdaService.TYPE, BsdaPdfs.BSD_TYPE, Set.of("SENT"));
    }
}
