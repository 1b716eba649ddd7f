package fr.wastetrace.company.directory;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Builds PDFs laid out like INSEE's "avis de situation", for tests. */
final class NoticePdf {
    private NoticePdf() {
    }

    static List<String> lines(String siret, LocalDate issuedOn, String establishmentState) {
        String date = issuedOn.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        return List.of(
                "Avis de situation au répertoire Sirene",
                "À la date du " + date,
                "Description de l'entreprise",
                "Entreprise active depuis le 01/02/2003",
                "Identifiant SIREN " + siret.substring(0, 9),
                "Identifiant SIRET du siège " + siret,
                "Dénomination DECHETS DISCRETS SARL",
                "Activité Principale Exercée (APE) 38.12Z - Collecte des déchets dangereux",
                "Description de l'établissement",
                establishmentState,
                "Identifiant SIRET " + siret.substring(0, 9) + " " + siret.substring(9),
                "Adresse 4 BOULEVARD PASTEUR",
                "44100 NANTES",
                "Activité Principale Exercée (APE) 38.12Z - Collecte des déchets dangereux");
    }

    static byte[] build(String title, String author, List<String> lines) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            document.setDocumentInformation(info);
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.setLeading(14);
                content.newLineAtOffset(50, 740);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] valid(String siret) throws IOException {
        return build(SireneNotice.TITLE, SireneNotice.AUTHOR,
                lines(siret, LocalDate.now().minusDays(3), "Établissement actif depuis le 01/02/2003"));
    }
}
