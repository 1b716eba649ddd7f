package fr.wastetrace.bsd.bsdasri.pdf;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriPackaging;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriSignature;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriWasteAcceptation;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriWeight;
import fr.wastetrace.bsd.bsdasri.model.BsdasriType;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.pdf.Frame;
import fr.wastetrace.bsd.core.pdf.Pdf;
import fr.wastetrace.bsd.core.pdf.PdfFonts;
import fr.wastetrace.bsd.core.pdf.PdfFormat;
import fr.wastetrace.bsd.core.pdf.PdfPages;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The BSDASRI as a PDF, drawn with the core's layout engine: header, emitter and waste (1-2), transporter (3),
 * destination with reception and operation (4-5), the containers of each step, and the BSDASRIs a grouping or a
 * synthesis holds; every signature with its date and signatory.
 */
public record BsdasriPdfDocument(Bsdasri b, Instant editedAt) {

    /** The PDF file, named after the BSDASRI. */
    public Pdf pdf() throws IOException {
        return new Pdf(b.id + ".pdf", render());
    }

    public byte[] render() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Bordereau de suivi de DASRI " + b.id);
            document.getDocumentInformation().setCreator("WasteTrace");
            PdfPages pages = new PdfPages(document, new PdfFonts(document));
            Frame title = new Frame(null)
                    .strong("BORDEREAU DE SUIVI DES DÉCHETS D'ACTIVITÉS DE SOINS À RISQUES INFECTIEUX (BSDASRI)")
                    .text("Arrêté du 7 septembre 1999 modifié — compatible Trackdéchets");
            Frame id = new Frame(null)
                    .field("N° de bordereau", b.id)
                    .field("Type", b.type == BsdasriType.GROUPING ? "groupement"
                            : b.type == BsdasriType.SYNTHESIS ? "synthèse" : "simple")
                    .field("Statut", b.status + (b.isDraft ? " (brouillon)" : ""));
            pages.row(new float[]{2, 1}, title, id);
            emitter(pages);
            transporter(pages);
            destination(pages);
            children(pages);
            pages.finish("Bordereau n° " + b.id + " — document édité le " + PdfFormat.dateTime(editedAt), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    private void emitter(PdfPages pages) throws IOException {
        var e = b.emitter;
        Frame frame = company(new Frame("1. Émetteur (producteur ou détenteur)"), e == null ? null : e.company);
        if (e != null && e.pickupSite != null) {
            frame.field("Adresse de collecte", join(e.pickupSite.name, e.pickupSite.address, e.pickupSite.postalCode,
                    e.pickupSite.city));
        }
        if (b.ecoOrganisme != null) {
            frame.field("Éco-organisme", b.ecoOrganisme.name + " (" + b.ecoOrganisme.siret + ")");
        }
        var emission = e == null ? null : e.emission;
        BsdasriSignature signature = emission == null ? null : emission.signature;
        if (emission != null && Boolean.TRUE.equals(emission.isTakenOverWithSecretCode)) {
            frame.check(true, "Signé avec le code de signature");
        }
        if (emission != null && Boolean.TRUE.equals(emission.isTakenOverWithoutEmitterSignature)) {
            frame.check(true, "Emport direct (sans signature de l'émetteur)");
        }
        frame.signature("Signature de l'émetteur", signature == null ? null : signature.date,
                signature == null ? null : signature.author);
        Frame waste = new Frame("2. Déchet")
                .field("Code déchet", b.waste == null ? null : b.waste.code)
                .field("Mention ADR", b.waste == null ? null : b.waste.adr)
                .field("Conditionnement", packagings(emission == null ? null : emission.packagings))
                .field("Volume (l)", emission == null ? null : PdfFormat.number(emission.volume))
                .field("Poids (kg)", weight(emission == null ? null : emission.weight))
                .field("Numéros de contenants", b.identification == null || b.identification.numbers == null ? null
                        : PdfFormat.join(", ", b.identification.numbers));
        pages.row(frame, waste);
    }

    private void transporter(PdfPages pages) throws IOException {
        var t = b.transporter;
        Frame frame = company(new Frame("3. Transporteur"), t == null ? null : t.company);
        var transport = t == null ? null : t.transport;
        if (t != null && t.recepisse != null) {
            frame.field("Récépissé", Boolean.TRUE.equals(t.recepisse.isExempted) ? "exempté"
                    : join(t.recepisse.number, t.recepisse.department, PdfFormat.date(t.recepisse.validityLimit)));
        }
        if (transport != null) {
            frame.field("Mode", transport.mode == null ? null : transport.mode.name())
                    .field("Immatriculations", transport.plates == null ? null : PdfFormat.join(", ", transport.plates))
                    .field("Acceptation", acceptation(transport.acceptation))
                    .field("Conditionnement", packagings(transport.packagings))
                    .field("Volume (l)", PdfFormat.number(transport.volume))
                    .field("Poids (kg)", weight(transport.weight))
                    .field("Pris en charge le", PdfFormat.dateTime(transport.takenOverAt))
                    .field("Remis le", PdfFormat.dateTime(transport.handedOverAt));
        }
        BsdasriSignature s = transport == null ? null : transport.signature;
        frame.signature("Signature du transporteur", s == null ? null : s.date, s == null ? null : s.author);
        pages.row(frame);
    }

    private void destination(PdfPages pages) throws IOException {
        var d = b.destination;
        Frame frame = company(new Frame("4. Installation de destination"), d == null ? null : d.company);
        if (d != null) {
            frame.field("CAP", d.cap);
        }
        var r = d == null ? null : d.reception;
        Frame reception = new Frame("5. Réception et traitement");
        if (r != null) {
            reception.field("Date de réception", PdfFormat.date(r.date))
                    .field("Acceptation", acceptation(r.acceptation))
                    .field("Conditionnement reçu", packagings(r.packagings))
                    .field("Volume reçu (l)", PdfFormat.number(r.volume));
        }
        reception.signature("Signature de la réception", r == null || r.signature == null ? null : r.signature.date,
                r == null || r.signature == null ? null : r.signature.author);
        var o = d == null ? null : d.operation;
        if (o != null) {
            reception.field("Opération réalisée", o.code)
                    .field("Mode de traitement", o.mode == null ? null : o.mode.name())
                    .field("Date de l'opération", PdfFormat.date(o.date))
                    .field("Poids traité (kg)", o.weight == null ? null : PdfFormat.number(o.weight.value));
        }
        reception.signature("Signature du traitement", o == null || o.signature == null ? null : o.signature.date,
                o == null || o.signature == null ? null : o.signature.author);
        pages.row(frame, reception);
    }

    private void children(PdfPages pages) throws IOException {
        var held = b.type == BsdasriType.GROUPING ? b.grouping : b.synthesizing;
        if (held == null || held.isEmpty()) {
            return;
        }
        pages.banner(b.type == BsdasriType.GROUPING ? "BORDEREAUX REGROUPÉS" : "BORDEREAUX ASSOCIÉS À LA SYNTHÈSE");
        List<List<String>> rows = new ArrayList<>();
        for (var i : held) {
            rows.add(List.of(i.id, i.quantity == null ? "" : i.quantity.toString(), PdfFormat.number(i.volume),
                    PdfFormat.number(i.weight), PdfFormat.date(i.takenOverAt), i.postalCode == null ? "" : i.postalCode));
        }
        pages.table(new float[]{3, 1, 1, 1, 1.5f, 1}, List.of("N° de bordereau", "Contenants", "Volume (l)",
                "Poids (kg)", "Pris en charge le", "Code postal"), rows);
    }

    private static Frame company(Frame frame, FormCompany c) {
        if (c == null) {
            return frame;
        }
        return frame.field("Raison sociale", c.name)
                .field("SIRET", c.siret != null ? c.siret : c.vatNumber)
                .field("Adresse", c.address)
                .field("Contact", join(c.contact, c.phone, c.mail));
    }

    private static String packagings(List<BsdasriPackaging> list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (BsdasriPackaging p : list) {
            parts.add(p.quantity + " × " + (p.other != null ? p.other : p.type) + " de " + PdfFormat.number(p.volume)
                    + " l");
        }
        return String.join(" ; ", parts);
    }

    private static String weight(BsdasriWeight w) {
        return w == null ? null : PdfFormat.number(w.value) + (Boolean.TRUE.equals(w.isEstimate) ? " (estimé)"
                : " (réel)");
    }

    private static String acceptation(BsdasriWasteAcceptation a) {
        if (a == null || a.status == null) {
            return null;
        }
        String text = switch (a.status) {
            case ACCEPTED -> "accepté";
            case REFUSED -> "refusé";
            case PARTIALLY_REFUSED -> "refusé partiellement";
        };
        return a.refusalReason == null ? text : text + " (" + a.refusalReason + ", "
                + PdfFormat.number(a.refusedWeight) + " kg refusés)";
    }

    private static String join(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p);
            }
        }
        return kept.isEmpty() ? null : String.join(" — ", kept);
    }
}
