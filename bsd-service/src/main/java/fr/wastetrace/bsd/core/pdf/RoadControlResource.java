package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.bsd.core.pdf.PdfDownloadResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * {@code GET /road-control/<token>}: the PDF behind a road-control link ({@code createPdfAccessToken}), shown in the
 * browser, as many times as asked while the link lives. The gateway forwards the public links here without
 * authentication (libs/subgraph lets only gateway calls in).
 */
@Path("/" + RoadControlTokens.PATH)
public class RoadControlResource {
    /** What an unknown or expired road-control link answers (HTTP 403). */
    public static final String EXPIRED = "Ce lien de contrôle routier est invalide ou expiré (il n'est valable que 30 minutes) : "
            + "demandez au transporteur d'en créer un nouveau.";
    /** What the path answers without a token (HTTP 400). */
    public static final String MISSING = "Le lien de contrôle routier est incomplet : utilisez l'adresse entière, telle que "
            + "le QR code la donne.";

    @Inject
    PdfLinks pdfs;

    @GET
    public Response withoutToken() {
        return PdfDownloadResource.text(400, MISSING);
    }

    @GET
    @Path("{token}")
    public Response pdf(@PathParam("token") String token) throws IOException {
        return pdfs.roadControlPdf(token)
                .map(pdf -> PdfDownloadResource.pdf(pdf, "inline"))
                .orElseGet(() -> PdfDownloadResource.text(403, EXPIRED));
    }
}
