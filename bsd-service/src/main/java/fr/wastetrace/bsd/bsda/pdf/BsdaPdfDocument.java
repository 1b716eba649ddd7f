package fr.wastetrace.bsd.bsda.pdf;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaPackaging;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.bsda.model.BsdaParts.InitialBsda;
import fr.wastetrace.bsd.core.pdf.Frame;
import fr.wastetrace.bsd.core.pdf.Pdf;
import fr.wastetrace.bsd.core.pdf.PdfDocuments;
import fr.wastetrace.bsd.core.pdf.PdfFormat;
import fr.wastetrace.bsd.core.pdf.PdfPages;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The BSDA as a PDF, on the core's layout engine: the header, the emitter and its work site (1), the worker and its
 * certification (2), the waste and its packagings (3-4), each transporter (5), the destination with its reception
 * and operation (6-7), and the BSDAs it groups or forwards; every signature with its date and signatory.
 */
public record BsdaPdfDocument(Bsda b, Instant editedAt) {

    /** The PDF file, named after the BSDA. */
    public Pdf pdf() throws IOException {
        return new Pdf(b.id + ".pdf", render());
    }

    public byte[] render() throws IOException {
        return PdfDocuments.render("Bordereau de suivi de déchets d'amiante " + b.id, b.id, editedAt, this::draw);
    }

    private void draw(PdfPages pages) throws IOException {
        pages.row(new float[]{2, 1},
                new Frame(null).strong("BORDEREAU DE SUIVI DES DÉCHETS D'AMIANTE (BSDA)")
                        .text("Compatible Trackdéchets — code de l'environnement, article R. 541-45"),
                new Frame(null).field("N° de bordereau", b.id)
                        .field("Type", b.type == null ? "" : typeLabel())
                        .field("Statut", b.status + (b.isDraft ? " (brouillon)" : "")));
        var e = b.emitter;
        Frame emitter = new Frame("1. Maître d'ouvrage ou détenteur").company(e == null ? null : e.company);
        if (e != null && Boolean.TRUE.equals(e.isPrivateIndividual)) {
            emitter.check(true, "Particulier");
        }
        if (e != null && e.pickupSite != null) {
            emitter.field("Chantier / lieu de collecte", join(e.pickupSite.name, e.pickupSite.address,
                    e.pickupSite.postalCode, e.pickupSite.city));
        }
        emitter.signature("Signature du maître d'ouvrage", e == null || e.emission == null ? null : e.emission.signature);
        var w = b.worker;
        Frame worker = new Frame("2. Entreprise de travaux");
        if (w == null || w.isDisabled) {
            worker.text("Pas d'entreprise de travaux");
        } else {
            worker.company(w.company);
            if (w.certification != null) {
                worker.check(w.certification.hasSubSectionThree, "Travaux relevant de la sous-section 3")
                        .check(w.certification.hasSubSectionFour, "Travaux relevant de la sous-section 4")
                        .field("N° de certification", w.certification.certificationNumber)
                        .field("Organisme", w.certification.organisation)
                        .field("Validité", PdfFormat.date(w.certification.validityLimit));
            }
            if (w.work != null && Boolean.TRUE.equals(w.work.hasEmitterPaperSignature)) {
                worker.check(true, "Signature papier du maître d'ouvrage");
            }
            worker.signature("Signature de l'entreprise de travaux", w.work == null ? null : w.work.signature);
        }
        pages.row(emitter, worker);
        wasteAndPackagings(pages);
        for (int i = 0; i < b.transporters.size(); i++) {
            transporter(pages, i, b.transporters.get(i));
        }
        destination(pages);
        held(pages);
    }

    private String typeLabel() {
        return switch (b.type) {
            case OTHER_COLLECTIONS -> "collecte sur chantier";
            case COLLECTION_2710 -> "collecte en déchèterie (2710-1)";
            case GATHERING -> "groupement";
            case RESHIPMENT -> "réexpédition";
        };
    }

    private void wasteAndPackagings(PdfPages pages) throws IOException {
        var waste = b.waste;
        Frame frame = new Frame("3. Déchet");
        if (waste != null) {
            frame.field("Code déchet", waste.code).field("Code famille", waste.familyCode)
                    .field("Matériau", waste.materialName)
                    .field("Consistance", waste.consistence == null ? null : waste.consistence.name())
                    .field("Scellés", waste.sealNumbers == null ? null : String.join(", ", waste.sealNumbers))
                    .field("ADR", waste.adr)
                    .field("POP", PdfFormat.yesNo(waste.pop));
        }
        Frame quantity = new Frame("4. Conditionnement et quantité");
        for (BsdaPackaging p : b.packagings) {
            quantity.text(p.quantity + " × " + p.type + (p.other == null ? "" : " (" + p.other + ")"));
        }
        if (b.weight != null) {
            quantity.field("Poids (t)", PdfFormat.tonnes(b.weight.value))
                    .check(Boolean.TRUE.equals(b.weight.isEstimate), "Poids estimé");
        }
        pages.row(frame, quantity);
    }

    private void transporter(PdfPages pages, int rank, BsdaTransporter t) throws IOException {
        Frame frame = new Frame("5. Transporteur n° " + (rank + 1)).company(t.company);
        if (t.recepisse != null) {
            frame.field("Récépissé", Boolean.TRUE.equals(t.recepisse.isExempted) ? "exempté"
                    : join(t.recepisse.number, t.recepisse.department));
        }
        if (t.transport != null) {
            frame.field("Mode", PdfFormat.label(t.transport.mode))
                    .field("Immatriculations", t.transport.plates == null ? null
                            : String.join(", ", t.transport.plates))
                    .field("Pris en charge le", PdfFormat.date(t.transport.takenOverAt));
        }
        frame.signature("Signature du transporteur", t.transport == null ? null : t.transport.signature);
        pages.row(frame);
    }

    private void destination(PdfPages pages) throws IOException {
        var d = b.destination;
        Frame destination = new Frame("6. Installation de destination").company(d == null ? null : d.company);
        Frame treatment = new Frame("7. Réception et traitement");
        if (d != null) {
            destination.field("CAP", d.cap).field("Opération prévue", d.plannedOperationCode);
            if (d.reception != null) {
                treatment.field("Reçu le", PdfFormat.date(d.reception.date))
                        .field("Poids reçu (t)", PdfFormat.tonnes(d.reception.weight))
                        .field("Acceptation", d.reception.acceptationStatus == null ? null
                                : d.reception.acceptationStatus.name())
                        .field("Motif du refus", d.reception.refusalReason)
                        .signature("Signature de la réception", d.reception.signature);
            }
            if (d.operation != null) {
                treatment.field("Opération réalisée", d.operation.code)
                        .field("Mode", PdfFormat.label(d.operation.mode))
                        .field("Le", PdfFormat.date(d.operation.date))
                        .signature("Signature du traitement", d.operation.signature);
            }
        }
        pages.row(destination, treatment);
    }

    private void held(PdfPages pages) throws IOException {
        List<InitialBsda> held = new ArrayList<>(b.grouping);
        if (b.forwarding != null) {
            held.add(b.forwarding);
        }
        if (held.isEmpty()) {
            return;
        }
        pages.banner(b.forwarding != null ? "BSDA réexpédié" : "BSDA regroupés");
        List<List<String>> rows = held.stream().map(i -> List.of(i.id,
                i.waste == null || i.waste.code == null ? "" : i.waste.code,
                i.weight == null ? "" : PdfFormat.tonnes(i.weight.value),
                i.emitter == null || i.emitter.company == null || i.emitter.company.name == null ? ""
                        : i.emitter.company.name)).toList();
        pages.table(new float[]{2, 1, 1, 2}, List.of("N° de BSDA", "Code déchet", "Poids (t)", "Maître d'ouvrage"),
                rows);
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
    }
}
