package fr.wastetrace.bsd.bsdasri.pdf;

import fr.wastetrace.bsd.bsdasri.BsdasriQueries;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.core.pdf.Pdf;
import fr.wastetrace.bsd.core.pdf.PdfRenderer;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** The BSDASRI's PDF renderer for the core's download links ({@code bsdasriPdf}, {@code /download}). */
@ApplicationScoped
public class BsdasriPdfs implements PdfRenderer {
    public static final String BSD_TYPE = "bsdasri";

    @Inject
    BsdasriQueries queries;

    @Override
    public String bsdType() {
        return BSD_TYPE;
    }

    @Override
    public Optional<Pdf> render(String bsdId, CallerIdentity requestedBy) throws IOException {
        Optional<Bsdasri> bsdasri = queries.find(bsdId);
        return bsdasri.isEmpty() ? Optional.empty()
                : Optional.of(new BsdasriPdfDocument(bsdasri.get(), Instant.now()).pdf());
    }
}
