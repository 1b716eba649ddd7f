package fr.wastetrace.bsd.bsda.pdf;

import fr.wastetrace.bsd.bsda.BsdaQueries;
import fr.wastetrace.bsd.core.pdf.Pdf;
import fr.wastetrace.bsd.core.pdf.PdfRenderer;
import fr.wastetrace.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** The BSDA's PDF renderer for the core's download links ({@code bsdaPdf}, {@code /download}). */
@ApplicationScoped
public class BsdaPdfs implements PdfRenderer {
    public static final String BSD_TYPE = "bsda";

    @Inject
    BsdaQueries queries;

    @Override
    public String bsdType() {
        return BSD_TYPE;
    }

    @Override
    public Optional<Pdf> render(String bsdId, CallerIdentity requestedBy) throws IOException {
        var bsda = queries.find(bsdId);
        return bsda.isEmpty() ? Optional.empty() : Optional.of(new BsdaPdfDocument(bsda.get(), Instant.now()).pdf());
    }
}
