package fr.wastetrace.registry.export;

import fr.wastetrace.subgraph.DownloadTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /download?token=registry....}: the file behind a download token, streamed. The gateway forwards public
 * download links here (libs/subgraph lets only gateway calls in).
 */
@Path("/download")
public class DownloadResource {
    @Inject
    DownloadTokens tokens;
    @Inject
    RegisterExports exports;

    @GET
    public Response download(@QueryParam("token") String token) {
        if (token == null || token.isBlank()) {
            return text(DownloadTokens.STATUS_MISSING, DownloadTokens.MISSING);
        }
        return tokens.redeem(token, ExportRequest.class)
                .map(request -> Response.ok((StreamingOutput) out -> exports.write(request, out), request.format().mediaType())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + request.fileName() + "\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build())
                .orElseGet(() -> text(DownloadTokens.STATUS_INVALID, DownloadTokens.EXPIRED));
    }

    private static Response text(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build();
    }
}
