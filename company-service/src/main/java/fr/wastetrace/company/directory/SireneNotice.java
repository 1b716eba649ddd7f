package fr.wastetrace.company.directory;

import fr.wastetrace.company.companies.Siret;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads INSEE's "avis de situation au répertoire Sirene" (a PDF anyone can download for their own establishment):
 * the establishment's SIRET, name, address and activity, the notice's date and whether the establishment is closed.
 */
public final class SireneNotice {
    static final String TITLE = "Avis de situation au répertoire Sirene";
    static final String AUTHOR = "Institut National de la Statistique et des Etudes Economiques";
    private static final Pattern DATE = Pattern.compile("(\\d{1,2}/\\d{1,2}/\\d{4})");
    private static final Pattern NAF = Pattern.compile("(\\d{2})\\.?(\\d{2})([A-Z])");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/yyyy");

    /** What the notice says about the establishment. */
    public record Data(String siret, String name, String naf, String address, LocalDate issuedOn, boolean closed) {
    }

    /** The notice is not a readable INSEE notice. */
    public static class InvalidNotice extends Exception {
        InvalidNotice(String reason) {
            super(reason);
        }
    }

    private SireneNotice() {
    }

    public static Data read(byte[] pdf) throws InvalidNotice {
        List<String> lines;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            if (!TITLE.equals(info.getTitle()) || !AUTHOR.equals(info.getAuthor())) {
                throw new InvalidNotice("not an INSEE notice (title or author)");
            }
            lines = new ArrayList<>();
            for (String line : new PDFTextStripper().getText(document).split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new InvalidNotice("unreadable PDF: " + e.getMessage());
        }
        return parse(lines);
    }

    static Data parse(List<String> lines) throws InvalidNotice {
        LocalDate issuedOn = after(lines, "À la date du").or(() -> after(lines, "A la date du"))
                .map(SireneNotice::date).orElseThrow(() -> new InvalidNotice("no date"));
        String siret = lines.stream()
                .filter(l -> l.startsWith("Identifiant SIRET") && !l.startsWith("Identifiant SIRET du siège"))
                .map(l -> l.substring("Identifiant SIRET".length()).replaceAll("\\s", ""))
                .findFirst().filter(Siret::isValid).orElseThrow(() -> new InvalidNotice("no valid SIRET"));
        String name = after(lines, "Dénomination").or(() -> after(lines, "Enseigne"))
                .or(() -> after(lines, "Prénoms").flatMap(first -> after(lines, "Nom").map(last -> first + " " + last)))
                .orElseThrow(() -> new InvalidNotice("no name"));
        Matcher naf = NAF.matcher(after(lines, "Activité Principale Exercée (APE)").orElse(""));
        if (!naf.lookingAt()) {
            throw new InvalidNotice("no activity code");
        }
        return new Data(siret, name, naf.group(1) + "." + naf.group(2) + naf.group(3), address(lines), issuedOn,
                lines.stream().anyMatch(l -> l.contains("fermé depuis le")));
    }

    /** The address starts on its labelled line and runs until the establishment's activity line. */
    private static String address(List<String> lines) throws InvalidNotice {
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (start < 0 && lines.get(i).startsWith("Adresse")) {
                start = i;
            }
            if (lines.get(i).startsWith("Activité Principale")) {
                end = i;
            }
        }
        if (start < 0 || end <= start) {
            throw new InvalidNotice("no address");
        }
        List<String> parts = new ArrayList<>(lines.subList(start, end));
        parts.set(0, parts.get(0).substring("Adresse".length()));
        String address = String.join(" ", parts.stream().map(String::trim).filter(p -> !p.isEmpty()).toList());
        if (address.isBlank()) {
            throw new InvalidNotice("no address");
        }
        return address;
    }

    private static Optional<String> after(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith(label)).findFirst()
                .map(l -> l.substring(label.length()).trim()).filter(v -> !v.isEmpty());
    }

    private static LocalDate date(String text) {
        Matcher matcher = DATE.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        try {
            return LocalDate.parse(matcher.group(1), FRENCH_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
