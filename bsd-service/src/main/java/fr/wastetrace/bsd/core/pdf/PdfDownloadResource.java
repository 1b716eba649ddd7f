package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.subgraph.DownloadTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * {@code GET /download?token=bsd....}: the PDF behind a download token. The gateway forwards public download links here
 * (libs/subgraph lets only gateway calls in).
 */
@Path("/download")
public class PdfDownloadResource {
    static final String PDF = "application/pdf";

    @Inject
    PdfLinks pdfs;

    @GET
    public Response download(@QueryParam("token") String token) throws IOException {
        if (token == null || token.isBlank()) {
            return text(DownloadTokens.STATUS_MISSING, DownloadTokens.MISSING);
        }
        return pdfs.redeem(token)
                .map(pdf -> pdf(pdf, "attachment"))
                .orElseGet(() -> text(DownloadTokens.STATUS_INVALID, DownloadTokens.EXPIRED));
    }

    /** A PDF, never cached, saved ({@code attachment}) or shown ({@code inline}) by the browser. */
    public static Response pdf(Pdf pdf, String disposition) {
        return Response.ok(pdf.content(), PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename=\"" + pdf.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** A refusal as plain text, for a link opened in a browser. */
    public static Response text(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build();
    }
}
