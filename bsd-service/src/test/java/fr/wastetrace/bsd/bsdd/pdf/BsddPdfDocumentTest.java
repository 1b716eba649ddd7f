package fr.wastetrace.bsd.bsdd.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fr.wastetrace.bsd.bsdd.model.Broker;
import fr.wastetrace.bsd.bsdd.model.Consistence;
import fr.wastetrace.bsd.bsdd.model.Destination;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormEcoOrganisme;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.InitialForm;
import fr.wastetrace.bsd.bsdd.model.InitialFormFraction;
import fr.wastetrace.bsd.bsdd.model.PackagingInfo;
import fr.wastetrace.bsd.bsdd.model.Packagings;
import fr.wastetrace.bsd.bsdd.model.Recipient;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorer;
import fr.wastetrace.bsd.bsdd.model.Trader;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF of BSDDs built in memory, with every frame filled, read back with PDFBox. */
class BsddPdfDocumentTest {
    static final Instant EDITED = Instant.parse("2026-11-27T13:05:00Z");
    static final Instant EMITTED = Instant.parse("2026-11-20T08:30:00Z");
    static final Instant TAKEN_OVER = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant TEMP_RECEIVED = Instant.parse("2026-11-21T10:00:00Z");
    static final Instant RESENT = Instant.parse("2026-11-23T07:45:00Z");
    static final Instant RECEIVED = Instant.parse("2026-11-24T11:00:00Z");
    static final Instant PROCESSED = Instant.parse("2026-11-26T15:00:00Z");
    static final String ACCENTS = "Déchets pâteux de l’atelier « Cœur » : huile usagée, garçon, à traiter";

    static FormCompany company(String siret, String name) {
        FormCompany c = new FormCompany();
        c.siret = siret;
        c.orgId = siret;
        c.name = name;
        c.address = "1 rue de la République 69001 Lyon";
        c.contact = "Hélène Müller";
        c.phone = "0102030405";
        c.mail = "contact@" + siret + ".test";
        return c;
    }

    static Transporter transporter(String id, String siret, String name, Instant takenOverAt, String by) {
        Transporter t = new Transporter();
        t.id = id;
        t.company = company(siret, name);
        t.receipt = "REC-" + siret;
        t.department = "13";
        t.validityLimit = Instant.parse("2030-12-31T00:00:00Z");
        t.mode = TransportMode.ROAD;
        t.numberPlate = "AB-123-CD";
        t.takenOverAt = takenOverAt;
        t.takenOverBy = by;
        return t;
    }

    static WasteDetails waste(double quantity) {
        WasteDetails w = new WasteDetails();
        w.code = "06 05 02*";
        w.name = ACCENTS;
        w.isDangerous = true;
        w.pop = false;
        w.isSubjectToADR = true;
        w.onuCode = "UN 3082 MATIÈRE DANGEREUSE DU POINT DE VUE DE L'ENVIRONNEMENT, LIQUIDE, N.S.A., 9, III, (E)";
        PackagingInfo fut = new PackagingInfo();
        fut.type = Packagings.FUT;
        fut.quantity = 4;
        fut.volume = 200.0;
        fut.identificationNumbers = List.of("F-001", "F-002");
        w.packagingInfos = List.of(fut);
        w.quantity = quantity;
        w.quantityType = QuantityType.ESTIMATED;
        w.consistences = List.of(Consistence.DOUGHY, Consistence.LIQUID);
        return w;
    }

    /** Scenario S5 run to the end: temporary storage, repackaging, final processing; plus every optional frame. */
    static Form temporaryStorageForm() {
        Form f = new Form();
        f.id = "form-s5";
        f.readableId = "BSD-20261120-ABCDEFGHJ";
        f.customId = "INTERNE-42";
        f.status = FormStatus.PROCESSED;
        f.emitter = new Emitter();
        f.emitter.type = EmitterType.APPENDIX2;
        f.emitter.company = company("10000000000040", "Producteur P");
        f.recipient = new Recipient();
        f.recipient.company = company("70000000000070", "Entreposage TTR");
        f.recipient.processingOperation = "D 13";
        f.recipient.cap = "CAP-TTR";
        f.recipient.isTempStorage = true;
        f.wasteDetails = waste(1);
        f.trader = new Trader();
        f.trader.company = company("80000000000060", "Négociant N");
        f.trader.receipt = "NEG-1";
        f.broker = new Broker();
        f.broker.company = company("90000000000050", "Courtier C");
        f.ecoOrganisme = new FormEcoOrganisme();
        f.ecoOrganisme.name = "Éco-organisme EO";
        f.ecoOrganisme.siret = "40000000000010";
        f.intermediaries = List.of(company("60000000000080", "Bureau d'études I"));
        f.transporters = new ArrayList<>(List.of(
                transporter("t1", "20000000000030", "Transporteur T1", TAKEN_OVER, "Thomas"),
                transporter("t2", "21000000000020", "Transporteur fluvial T2", null, null)));
        f.transporters.get(1).mode = TransportMode.RIVER;
        f.transporter = f.transporters.get(0);
        f.emittedAt = EMITTED;
        f.emittedBy = "Isabelle Gérard";
        f.takenOverAt = TAKEN_OVER;
        f.takenOverBy = "Thomas";
        f.receivedAt = RECEIVED;
        f.receivedBy = "Denis";
        f.signedAt = RECEIVED;
        f.wasteAcceptationStatus = WasteAcceptationStatus.PARTIALLY_REFUSED;
        f.wasteRefusalReason = "Deux fûts percés";
        f.quantityReceived = 0.95;
        f.quantityReceivedType = QuantityType.REAL;
        f.quantityRefused = 0.2;
        f.quantityAccepted = 0.75;
        f.processingOperationDone = "D 10";
        f.destinationOperationMode = OperationMode.ELIMINATION;
        f.processingOperationDescription = "Incinération à terre";
        f.processedAt = PROCESSED;
        f.processedBy = "Denise";

        TemporaryStorageDetail t = new TemporaryStorageDetail();
        t.temporaryStorer = new TemporaryStorer();
        t.temporaryStorer.quantityReceived = 1.0;
        t.temporaryStorer.quantityType = QuantityType.REAL;
        t.temporaryStorer.wasteAcceptationStatus = WasteAcceptationStatus.ACCEPTED;
        t.temporaryStorer.quantityAccepted = 1.0;
        t.temporaryStorer.receivedAt = TEMP_RECEIVED;
        t.temporaryStorer.signedAt = TEMP_RECEIVED;
        t.temporaryStorer.receivedBy = "Théo";
        t.destination = new Destination();
        t.destination.company = company("30000000000020", "Installation de traitement D");
        t.destination.processingOperation = "D 10";
        t.destination.cap = "CAP-D";
        t.wasteDetails = waste(0.95);
        t.transporter = transporter("t3", "22000000000010", "Transporteur T3", RESENT, "Tristan");
        t.emittedAt = RESENT;
        t.emittedBy = "Théo";
        t.takenOverAt = RESENT;
        t.takenOverBy = "Tristan";
        f.temporaryStorageDetail = t;
        return f;
    }

    static List<InitialFormFraction> grouping() {
        List<InitialFormFraction> fractions = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            InitialForm initial = new InitialForm();
            initial.id = "initial-" + i;
            initial.readableId = "BSD-20261101-INITIAL0" + i;
            initial.wasteDetails = waste(0.5);
            initial.quantityReceived = 0.5;
            initial.takenOverAt = TAKEN_OVER;
            initial.emitterPostalCode = "75002";
            InitialFormFraction fraction = new InitialFormFraction();
            fraction.form = initial;
            fraction.quantity = 0.5;
            fractions.add(fraction);
        }
        return fractions;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The text without line breaks, for values that may wrap. */
    static String flat(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    /** Keeps a rendered sample in target/pdf-samples for people to look at. */
    static void keep(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "pdf-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }

    @Test
    void everyFrameOfTheCerfaIsThereWithItsValues() throws IOException {
        long start = System.nanoTime();
        byte[] pdf = new BsddPdfDocument(temporaryStorageForm(), grouping(), List.of("BSD-20261130-GROUPING1"), EDITED)
                .render();
        keep("every-frame.pdf", pdf);
        System.out.printf("BSDD PDF with every frame: %d bytes in %d ms%n", pdf.length, (System.nanoTime() - start) / 1_000_000);
        String text = flat(text(pdf));
        for (String expected : List.of("BSD-20261120-ABCDEFGHJ", "INTERNE-42", "BSD-20261130-GROUPING1",
                "10000000000040", "70000000000070", "30000000000020", "20000000000030", "21000000000020", "22000000000010",
                "80000000000060", "90000000000050", "40000000000010", "60000000000080",
                "06 05 02*", ACCENTS, "UN 3082", "4 × Fût", "F-001", "QUANTITÉ ESTIMÉE",
                "20/11/2026", "signé le 20/11/2026 à 09:30 par Isabelle Gérard", "signé le 20/11/2026 à 10:00 par Thomas",
                "signé le 21/11/2026 à 11:00 par Théo", "signé le 23/11/2026 à 08:45 par Tristan",
                "signé le 24/11/2026 à 12:00 par Denis", "signé le 26/11/2026 à 16:00 par Denise",
                "0,95 t", "0,2 t", "0,75 t", "Deux fûts percés", "D 10 — Incinération à terre", "Statut : traité",
                "document édité le 27/11/2026 à 14:05", "BSD-20261101-INITIAL01", "BSD-20261101-INITIAL02", "75002",
                "Transporteur n° 2", "voie fluviale", "Éco-organisme EO")) {
            assertTrue(text.contains(expected), "missing « " + expected + " » in:\n" + text);
        }
        for (int frame = 1; frame <= 19; frame++) {
            if (frame != 7) {
                assertTrue(text.contains(" " + frame + ". ") || text.startsWith(frame + ". "), "frame " + frame);
            }
        }
        assertTrue(text.contains("7. Négociant") && text.contains("7. Courtier"));
        assertTrue(text.contains("BORDEREAUX ANNEXÉS"));
        assertFalse(text.contains("BORDEREAU ANNULÉ"));
    }

    @Test
    void fontsAreEmbeddedSubsetsOfDejaVu() throws IOException {
        byte[] pdf = new BsddPdfDocument(temporaryStorageForm(), grouping(), List.of(), EDITED).render();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(font.getName().matches("[A-Z]{6}\\+DejaVuSansCondensed.*"), font.getName());
                    fonts++;
                }
            }
            assertTrue(fonts >= 2, "regular and bold");
        }
    }

    @Test
    void theFirstPageIsNotBlank() throws IOException {
        byte[] pdf = new BsddPdfDocument(temporaryStorageForm(), grouping(), List.of(), EDITED).render();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 2, "frames 13 to 19 and the appendix go on further pages");
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
            assertTrue(inkRatio(image) > 0.03, "ink on page 1: " + inkRatio(image));
        }
    }

    @Test
    void theHeaderCarriesAQrCodeOfTheReadableIdThatAReaderDecodes() throws Exception {
        Form form = temporaryStorageForm();
        byte[] pdf = new BsddPdfDocument(form, grouping(), List.of(), EDITED).render();
        keep("qr-code.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            Result decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            assertEquals(form.readableId, decoded.getText());
        }
    }

    @Test
    void aCancelledFormIsStampedOnEveryPage() throws IOException {
        Form form = temporaryStorageForm();
        form.status = FormStatus.CANCELED;
        byte[] pdf = new BsddPdfDocument(form, List.of(), List.of(), EDITED).render();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertTrue(stripper.getText(document).contains("BORDEREAU ANNULÉ"), "page " + page);
            }
        }
    }

    @Test
    void aDraftWithAlmostNothingStillRenders() throws IOException {
        Form form = new Form();
        form.id = "empty";
        form.readableId = "BSD-20261127-EMPTY0000";
        form.status = FormStatus.DRAFT;
        String text = text(new BsddPdfDocument(form, null, null, EDITED).render());
        assertTrue(text.contains("BSD-20261127-EMPTY0000"));
        assertTrue(text.contains("Statut : brouillon"));
        assertTrue(text.contains("non signé"));
    }

    @Test
    void longTextsGoOnOverPagesAndUndrawableCharactersAreReplaced() throws IOException {
        Form form = temporaryStorageForm();
        form.temporaryStorageDetail = null;
        form.recipient.isTempStorage = false;
        form.wasteRefusalReason = "Motif détaillé. ".repeat(600) + "FIN-DU-MOTIF \u6f22\u0007";
        byte[] pdf = new BsddPdfDocument(form, List.of(), List.of(), EDITED).render();
        keep("long-text.pdf", pdf);
        String text = flat(text(pdf));
        int end = text.indexOf("FIN-DU-MOTIF");
        assertTrue(end > 0, "the whole reason is written");
        assertEquals("FIN-DU-MOTIF ? ", text.substring(end, end + 15), "the CJK character has no glyph in DejaVu, the bell is a space");
        assertTrue(text.contains("(suite)"), "the frame goes on on the next page");
        assertEquals(600, text.split("détaillé\\.", -1).length - 1, "no word is lost from one page to the next");
    }

    /** Share of pixels that are clearly not white. */
    static double inkRatio(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r + g + b < 600) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }
}
