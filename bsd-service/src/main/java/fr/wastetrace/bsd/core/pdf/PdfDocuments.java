package fr.wastetrace.bsd.core.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * A BSD's PDF from end to end: the document's information (title, creator, date of edition), its pages drawn by the
 * type, the footer on every page, the bytes.
 */
public final class PdfDocuments {
    private PdfDocuments() {
    }

    /** What a type draws on the pages. */
    @FunctionalInterface
    public interface Body {
        void draw(PdfPages pages) throws IOException;
    }

    /**
     * @param bsdId    the BSD's number, in the footer of every page
     * @param editedAt the date of edition, in the document's information and the footer
     */
    public static byte[] render(String title, String bsdId, Instant editedAt, Body body) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("WasteTrace");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(PdfFormat.FRANCE));
            created.setTimeInMillis(editedAt.toEpochMilli());
            info.setCreationDate(created);
            PdfPages pages = new PdfPages(document, new PdfFonts(document));
            body.draw(pages);
            pages.finish("Bordereau n° " + bsdId + " — document édité le " + PdfFormat.dateTime(editedAt), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * The PDF {@code pdf} with, at the top of every page, the hash of the BSD's last signature (its signature chain,
     * {@code core.signature.chain}), so that a paper copy can be checked against {@code wastetraceSignatureChain}.
     */
    public static byte[] withSignatureHash(byte[] pdf, String hash) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PdfFonts fonts = new PdfFonts(document);
            String line = fonts.drawable("Empreinte de la dernière signature (SHA-256) : " + hash);
            for (PDPage page : document.getPages()) {
                try (PDPageContentStream out = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    out.beginText();
                    out.setFont(fonts.regular, 6.5f);
                    out.newLineAtOffset(PdfPages.MARGIN, page.getMediaBox().getHeight() - PdfPages.MARGIN / 2);
                    out.showText(line);
                    out.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }
}
