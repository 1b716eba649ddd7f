package fr.wastetrace.company.exports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.List;

/**
 * {@code GET /download?token=company....}: the file behind a download token. The gateway forwards public download
 * links here (libs/subgraph lets only gateway calls in).
 */
@Path("/download")
public class DownloadResource {
    @Inject
    DownloadTokens tokens;

    @GET
    public Response download(@QueryParam("token") String token) {
        if (token == null || token.isBlank()) {
            return text(fr.wastetrace.subgraph.DownloadTokens.STATUS_MISSING, fr.wastetrace.subgraph.DownloadTokens.MISSING);
        }
        return tokens.redeem(token)
                .map(grant -> {
                    List<List<String>> rows = QuarkusTransaction.requiringNew().call(() -> CompaniesExport.rows(grant.userId(), grant.orgScope()));
                    return Response.ok((StreamingOutput) out -> CompaniesExport.write(grant.format(), rows, out), grant.format().mediaType)
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"etablissements." + grant.format().extension + "\"")
                            .header(HttpHeaders.CACHE_CONTROL, "no-store")
                            .build();
                })
                .orElseGet(() -> text(fr.wastetrace.subgraph.DownloadTokens.STATUS_INVALID, fr.wastetrace.subgraph.DownloadTokens.EXPIRED));
    }

    private static Response text(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build();
    }
}
