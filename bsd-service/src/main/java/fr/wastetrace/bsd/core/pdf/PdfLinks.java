package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.bsd.core.signature.chain.SignatureChain;
import fr.wastetrace.graphql.FileDownload;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.DownloadTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The links to BSD PDFs, for every type: single-use download links ({@code xxxPdf} queries, {@code /download}) and
 * road-control links ({@code createPdfAccessToken}, {@code /road-control/<token>}). The type checks that the caller
 * may read the BSD before asking for a link; following the link renders the BSD as it is then, through the type's
 * {@link PdfRenderer}.
 */
@ApplicationScoped
public class PdfLinks {
    private final DownloadTokens tokens;
    private final RoadControlTokens roadControlTokens;
    private final SignatureChain signatureChain;
    private final Map<String, PdfRenderer> renderers = new HashMap<>();

    @Inject
    public PdfLinks(DownloadTokens tokens, RoadControlTokens roadControlTokens, SignatureChain signatureChain,
                    @Any Instance<PdfRenderer> renderers) {
        this.tokens = tokens;
        this.roadControlTokens = roadControlTokens;
        this.signatureChain = signatureChain;
        for (PdfRenderer renderer : renderers) {
            if (this.renderers.put(renderer.bsdType(), renderer) != null) {
                throw new IllegalStateException("two PDF renderers for the BSD type " + renderer.bsdType());
            }
        }
    }

    /** A single-use download link to the PDF of a BSD the caller may read (checked by the caller of this method). */
    public FileDownload link(String bsdType, String bsdId, CallerIdentity caller) {
        String token = tokens.issue(new PdfRequest(bsdType, bsdId, caller));
        return new FileDownload(token, tokens.link(token));
    }

    /** A road-control link ({@code <gateway>/road-control/<token>}) that anybody may open while it lives. */
    public String roadControlLink(String bsdType, String bsdId, CallerIdentity caller) {
        return roadControlTokens.link(roadControlTokens.issue(new PdfRequest(bsdType, bsdId, caller)));
    }

    /** The PDF behind a download token, which is used up; empty for an unknown, used or expired token. */
    public Optional<Pdf> redeem(String token) throws IOException {
        Optional<PdfRequest> request = tokens.redeem(token, PdfRequest.class);
        return request.isEmpty() ? Optional.empty() : render(request.get());
    }

    /** The PDF behind a road-control token, which stays usable; empty for an unknown or expired token. */
    public Optional<Pdf> roadControlPdf(String token) throws IOException {
        Optional<PdfRequest> request = roadControlTokens.read(token);
        return request.isEmpty() ? Optional.empty() : render(request.get());
    }

    /** The type's PDF of the BSD, with the hash of its last signature when it has one (for every type, here). */
    private Optional<Pdf> render(PdfRequest request) throws IOException {
        PdfRenderer renderer = renderers.get(request.bsdType());
        Optional<Pdf> pdf = renderer == null ? Optional.empty()
                : renderer.render(request.bsdId(), request.requestedBy());
        Optional<String> lastHash = pdf.isEmpty() ? Optional.empty() : signatureChain.lastHash(request.bsdId());
        if (lastHash.isEmpty()) {
            return pdf;
        }
        return Optional.of(new Pdf(pdf.get().fileName(),
                PdfDocuments.withSignatureHash(pdf.get().content(), lastHash.get())));
    }
}
