package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.bsd.bsdd.BsddPermissions;
import fr.wastetrace.bsd.bsdd.BsddQueries;
import fr.wastetrace.bsd.bsdd.BsddViews;
import fr.wastetrace.bsd.bsdd.GroupingViews;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.graphql.FileDownload;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.bsd.core.pdf.Pdf;
import fr.wastetrace.bsd.core.pdf.PdfLinks;
import fr.wastetrace.bsd.core.pdf.PdfRenderer;
import fr.wastetrace.bsd.core.pdf.RoadControlPolicy;
import fr.wastetrace.bsd.core.pdf.PdfRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code formPdf}: a caller who may read a BSDD gets a 10-second link; {@code createPdfAccessToken}: a 30-minute link for
 * roadside checks. The PDF is produced when the link is followed, from the BSDD as it is then.
 */
@ApplicationScoped
public class BsddPdfs implements PdfRenderer, RoadControlPolicy {
    private static final Logger LOG = Logger.getLogger(BsddPdfs.class);
    /** Readable-id prefixes of the BSD types this API does not serve (the reference tells them apart this way). */
    /** The type name of BSDD links ({@link PdfRequest#bsdType()}). */
    public static final String BSD_TYPE = PdfRequest.LEGACY_TYPE;

    @Inject
    BsddQueries queries;
    @Inject
    BsddRepository forms;
    @Inject
    GroupingViews groupings;
    @Inject
    PdfLinks links;
    @Inject
    CompanyDirectory directory;

    /** A download link for the PDF of a BSDD the caller may read (else the error of a BSDD that does not exist). */
    public FileDownload link(CallerIdentity caller, String id) {
        Form form = queries.form(caller, id, null);
        return links.link(BSD_TYPE, form.id, caller);
    }

    /** The BSDD's road control: any id no other type owns (the BSDD's have no fixed prefix). */
    @Override
    public String idPrefix() {
        return "";
    }

    /** A BSDD on the road (SENT or RESENT) that the caller may read. */
    @Override
    public void checkCanGrant(CallerIdentity caller, String bsdId) {
        CallerCompanies companies = directory.companiesOf(caller);
        BsddRecord form = forms.find(bsdId).orElseThrow(() -> BsddPermissions.notFound(bsdId));
        List<Transporter> transporters = forms.transporters(form.id).stream().map(t -> t.data).toList();
        BsddPermissions.checkCanGrantRoadControlAccess(companies, form, transporters);
    }

    @Override
    public String bsdType() {
        return BSD_TYPE;
    }

    /** The PDF of the BSDD as it is now; empty if it was deleted meanwhile. */
    @Override
    public Optional<Pdf> render(String bsdId, CallerIdentity requestedBy) throws IOException {
        Optional<Form> form = forms.find(bsdId)
                .map(record -> BsddViews.of(record, forms.transporters(record.id)));
        if (form.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(render(form.get(), requestedBy));
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
