package fr.wastetrace.bsd.bsvhu.pdf;

import fr.wastetrace.bsd.bsvhu.BsvhuQueries;
import fr.wastetrace.bsd.core.pdf.Pdf;
import fr.wastetrace.bsd.core.pdf.PdfRenderer;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** The BSVHU's PDF renderer for the core's download links ({@code bsvhuPdf}, {@code /download}). */
@ApplicationScoped
public class BsvhuPdfs implements PdfRenderer {
    public static final String BSD_TYPE = "bsvhu";

    @Inject
    BsvhuQueries queries;

    @Override
    public String bsdType() {
        return BSD_TYPE;
    }

    @Override
    public Optional<Pdf> render(String bsdId, CallerIdentity requestedBy) throws IOException {
        var bsvhu = queries.find(bsdId);
        if (bsvhu.isEmpty()) {
            return Optional.empty();
        }
        BsvhuPdfDocument document = new BsvhuPdfDocument(bsvhu.get(), Instant.now());
        return Optional.of(new Pdf(document.fileName(), document.render()));
    }
}
