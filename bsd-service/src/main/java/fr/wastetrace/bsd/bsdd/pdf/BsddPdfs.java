package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.bsd.bsdd.BsddQueries;
import fr.wastetrace.bsd.bsdd.FormViews;
import fr.wastetrace.bsd.bsdd.GroupingViews;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.persistence.FormRepository;
import fr.wastetrace.bsd.common.FileDownload;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.DownloadTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code formPdf}: a caller who may read a BSDD gets a 10-second link; the PDF is produced when the link is followed,
 * from the BSDD as it is then.
 */
@ApplicationScoped
public class BsddPdfs {
    private static final Logger LOG = Logger.getLogger(BsddPdfs.class);

    /** What a download token stands for. */
    /**
     * @param requestedBy who asked for the link: the PDF shows what that caller may see (the emitters of grouped
     *                    BSDDs only to those who may read them), whoever follows the link
     */
    public record PdfRequest(String formId, CallerIdentity requestedBy) {
    }

    /** A produced PDF and the name to download it under. */
    public record Pdf(String fileName, byte[] content) {
    }

    @Inject
    BsddQueries queries;
    @Inject
    FormRepository forms;
    @Inject
    GroupingViews groupings;
    @Inject
    DownloadTokens tokens;

    /** A download link for the PDF of a BSDD the caller may read (else the error of a BSDD that does not exist). */
    public FileDownload link(CallerIdentity caller, String id) {
        Form form = queries.form(caller, id, null);
        String token = tokens.issue(new PdfRequest(form.id, caller));
        return new FileDownload(token, tokens.link(token));
    }

    /** The PDF behind a download token, which is used up; empty for an unknown, used or expired token. */
    public Optional<Pdf> redeem(String token) throws IOException {
        Optional<PdfRequest> request = tokens.redeem(token, PdfRequest.class);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        Optional<Form> form = forms.find(request.get().formId())
                .map(record -> FormViews.of(record, forms.transporters(record.id)));
        if (form.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(render(form.get(), request.get().requestedBy()));
    }

    private Pdf render(Form form, CallerIdentity requestedBy) throws IOException {
        long start = System.nanoTime();
        List<String> groupedIn = groupings.groupedIn(form).stream().map(f -> f.form.readableId).toList();
        BsddPdfDocument document = new BsddPdfDocument(form, groupings.grouping(requestedBy, form), groupedIn, Instant.now());
        byte[] content = document.render();
        LOG.infof("PDF of %s: %d bytes in %d ms", form.readableId, content.length, (System.nanoTime() - start) / 1_000_000);
        return new Pdf(document.fileName(), content);
    }
}
