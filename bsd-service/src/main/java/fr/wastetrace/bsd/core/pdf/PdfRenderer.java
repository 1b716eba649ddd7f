package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.identity.CallerIdentity;

import java.io.IOException;
import java.util.Optional;

/**
 * Renders the PDF of one BSD type with the layout engine of this package; each type supplies one CDI bean. Permissions
 * are checked when a link is issued ({@link PdfLinks}), not when it is followed.
 */
public interface PdfRenderer {

    /** The type this renderer serves, as named in {@link PdfRequest#bsdType()} ({@code bsdd}, {@code bsvhu}…). */
    String bsdType();

    /** The PDF of the BSD as it is now, as {@code requestedBy} may see it; empty if it was deleted meanwhile. */
    Optional<Pdf> render(String bsdId, CallerIdentity requestedBy) throws IOException;
}
