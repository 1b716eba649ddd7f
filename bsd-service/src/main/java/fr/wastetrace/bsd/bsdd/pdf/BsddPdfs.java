package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.bsd.bsdd.BsddPermissions;
import fr.wastetrace.bsd.bsdd.BsddQueries;
import fr.wastetrace.bsd.bsdd.FormViews;
import fr.wastetrace.bsd.bsdd.GroupingViews;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.persistence.FormRecord;
import fr.wastetrace.bsd.bsdd.persistence.FormRepository;
import fr.wastetrace.bsd.common.FileDownload;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import fr.wastetrace.subgraph.DownloadTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code formPdf}: a caller who may read a BSDD gets a 10-second link; {@code createPdfAccessToken}: a 30-minute link for
 * roadside checks. The PDF is produced when the link is followed, from the BSDD as it is then.
 */
@ApplicationScoped
public class BsddPdfs {
    private static final Logger LOG = Logger.getLogger(BsddPdfs.class);
    /** Readable-id prefixes of the BSD types this API does not serve (the reference tells them apart this way). */
    private static final Map<String, String> OTHER_BSD_TYPES = Map.of("BSDA-", "BSDA", "DASRI-", "BSDASRI", "FF-", "BSFF",
            "VHU-", "BSVHU");

    /**
     * What a download or road-control token stands for.
     *
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
    @Inject
    RoadControlTokens roadControlTokens;
    @Inject
    CompanyDirectory directory;

    /** A download link for the PDF of a BSDD the caller may read (else the error of a BSDD that does not exist). */
    public FileDownload link(CallerIdentity caller, String id) {
        Form form = queries.form(caller, id, null);
        String token = tokens.issue(new PdfRequest(form.id, caller));
        return new FileDownload(token, tokens.link(token));
    }

    /**
     * A road-control link to the PDF of a BSDD on the road (SENT or RESENT) that the caller may read: the URL
     * {@code <gateway>/road-control/<token>}, which anybody may open during 30 minutes.
     */
    public String roadControlLink(CallerIdentity caller, String bsdId) {
        OTHER_BSD_TYPES.entrySet().stream().filter(type -> bsdId.startsWith(type.getKey())).findFirst().ifPresent(type -> {
            throw new ApiException.BadUserInput("« " + bsdId + " » est un " + type.getValue() + " : cette API ne gère que "
                    + "les BSDD, seuls eux ont un accès pour les contrôles routiers (bsdId).");
        });
        CallerCompanies companies = directory.companiesOf(caller);
        FormRecord form = forms.find(bsdId).orElseThrow(() -> BsddPermissions.notFound(bsdId));
        List<Transporter> transporters = forms.transporters(form.id).stream().map(t -> t.data).toList();
        BsddPermissions.checkCanGrantRoadControlAccess(companies, form, transporters);
        return roadControlTokens.link(roadControlTokens.issue(new PdfRequest(form.id, caller)));
    }

    /** The PDF behind a road-control token, which stays usable; empty for an unknown or expired token. */
    public Optional<Pdf> roadControlPdf(String token) throws IOException {
        Optional<PdfRequest> request = roadControlTokens.read(token);
        return request.isEmpty() ? Optional.empty() : pdfOf(request.get());
    }

    /** The PDF behind a download token, which is used up; empty for an unknown, used or expired token. */
    public Optional<Pdf> redeem(String token) throws IOException {
        Optional<PdfRequest> request = tokens.redeem(token, PdfRequest.class);
        return request.isEmpty() ? Optional.empty() : pdfOf(request.get());
    }

    /** The PDF of the BSDD as it is now; empty if it was deleted meanwhile. */
    private Optional<Pdf> pdfOf(PdfRequest request) throws IOException {
        Optional<Form> form = forms.find(request.formId())
                .map(record -> FormViews.of(record, forms.transporters(record.id)));
        if (form.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(render(form.get(), request.requestedBy()));
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
