package fr.wastetrace.bsd.bspaoh.pdf;

import fr.wastetrace.bsd.bspaoh.BspaohQueries;
import fr.wastetrace.bsd.core.pdf.Pdf;
import fr.wastetrace.bsd.core.pdf.PdfRenderer;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** The BSPAOH's PDF renderer for the core's download links ({@code bspaohPdf}, {@code /download}). */
@ApplicationScoped
public class BspaohPdfs implements PdfRenderer {
    public static final String BSD_TYPE = "bspaoh";

    @Inject
    BspaohQueries queries;

    @Override
    public String bsdType() {
        return BSD_TYPE;
    }

    @Override
    public Optional<Pdf> render(String bsdId, CallerIdentity requestedBy) throws IOException {
        var bspaoh = queries.find(bsdId);
        if (bspaoh.isEmpty()) {
            return Optional.empty();
        }
        BspaohPdfDocument document = new BspaohPdfDocument(bspaoh.get(), Instant.now());
        return Optional.of(new Pdf(document.fileName(), document.render()));
    }
}
