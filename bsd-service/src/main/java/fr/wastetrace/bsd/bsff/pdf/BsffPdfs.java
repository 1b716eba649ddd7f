package fr.wastetrace.bsd.bsff.pdf;

import fr.wastetrace.bsd.bsff.BsffQueries;
import fr.wastetrace.bsd.core.pdf.Pdf;
import fr.wastetrace.bsd.core.pdf.PdfRenderer;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** The BSFF's PDF renderer for the core's download links ({@code bsffPdf}, {@code /download}). */
@ApplicationScoped
public class BsffPdfs implements PdfRenderer {
    public static final String BSD_TYPE = "bsff";

    @Inject
    BsffQueries queries;

    @Override
    public String bsdType() {
        return BSD_TYPE;
    }

    @Override
    public Optional<Pdf> render(String bsdId, CallerIdentity requestedBy) throws IOException {
        var bsff = queries.find(bsdId);
        if (bsff.isEmpty()) {
            return Optional.empty();
        }
        BsffPdfDocument document = new BsffPdfDocument(bsff.get(), Instant.now());
        return Optional.of(new Pdf(document.fileName(), document.render()));
    }
}
