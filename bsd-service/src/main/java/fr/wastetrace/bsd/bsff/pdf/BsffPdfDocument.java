package fr.wastetrace.bsd.bsff.pdf;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffFicheIntervention;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporter;
import fr.wastetrace.bsd.bsff.model.BsffStatus;
import fr.wastetrace.bsd.core.pdf.Frame;
import fr.wastetrace.bsd.core.pdf.PdfDocuments;
import fr.wastetrace.bsd.core.pdf.PdfFormat;
import fr.wastetrace.bsd.core.pdf.PdfPages;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The BSFF as a PDF, drawn with the core's layout engine: header, emitter (1) and waste (2), the intervention sheets,
 * each transporter (3), destination (4) with the reception, then the containers in a table with each one's
 * acceptation and operation (5), every signature with its date and signatory.
 */
public final class BsffPdfDocument {
    private static final Map<BsffStatus, String> STATUS = Map.of(
            BsffStatus.INITIAL, "initial", BsffStatus.SIGNED_BY_EMITTER, "signé par l'émetteur",
            BsffStatus.SENT, "pris en charge par le transporteur", BsffStatus.RECEIVED, "reçu",
            BsffStatus.ACCEPTED, "accepté", BsffStatus.REFUSED, "refusé",
            BsffStatus.PARTIALLY_REFUSED, "refusé partiellement",
            BsffStatus.INTERMEDIATELY_PROCESSED, "traité (opération intermédiaire)", BsffStatus.PROCESSED, "traité");

    private final Bsff bsff;
    private final Instant editedAt;

    public BsffPdfDocument(Bsff bsff, Instant editedAt) {
        this.bsff = bsff;
        this.editedAt = editedAt;
    }

    public String fileName() {
        return bsff.id + ".pdf";
    }

    public byte[] render() throws IOException {
        return PdfDocuments.render("Bordereau de suivi de fluides frigorigènes " + bsff.id, bsff.id, editedAt,
                pages -> {
                    header(pages);
                    emitterAndWaste(pages);
                    fiches(pages);
                    transporters(pages);
                    destination(pages);
                    pages.banner("À REMPLIR PAR L'INSTALLATION DE DESTINATION, CONTENANT PAR CONTENANT");
                    packagings(pages);
                });
    }

    private void header(PdfPages pages) throws IOException {
        Frame title = new Frame(null)
                .strong("BORDEREAU DE SUIVI DE FLUIDES FRIGORIGÈNES (BSFF)")
                .text("Articles R. 543-75 et suivants du code de l'environnement")
                .text("Récépissé de bordereau dématérialisé (compatible Trackdéchets)");
        Frame id = new Frame(null)
                .field("N° de bordereau", bsff.id)
                .field("Type", bsff.type == null ? null : bsff.type.name())
                .field("Statut", STATUS.get(bsff.status) + (bsff.isDraft ? " (brouillon)" : ""));
        pages.row(new float[]{2, 1}, title, id);
    }

    private void emitterAndWaste(PdfPages pages) throws IOException {
        Frame emitter = new Frame("1. Émetteur")
                .company(bsff.emitter == null ? null : bsff.emitter.company)
                .field("Informations complémentaires", bsff.emitter == null ? null : bsff.emitter.customInfo)
                .signature("Signature de l'émetteur", bsff.emitter == null || bsff.emitter.emission == null ? null
                        : bsff.emitter.emission.signature);
        Frame waste = new Frame("2. Déchet");
        if (bsff.waste != null) {
            waste.field("Code déchet", bsff.waste.code).field("Dénomination", bsff.waste.description)
                    .field("Mention ADR", bsff.waste.adr);
        }
        if (bsff.weight != null) {
            waste.field("Quantité totale", kilograms(bsff.weight.value)
                    + (Boolean.TRUE.equals(bsff.weight.isEstimate) ? " (estimée)" : " (réelle)"));
        }
        waste.field("Nombre de contenants", String.valueOf(bsff.packagings.size()));
        pages.row(emitter, waste);
    }

    private void fiches(PdfPages pages) throws IOException {
        if (bsff.ficheInterventions.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (BsffFicheIntervention f : bsff.ficheInterventions) {
            String holder = f.detenteur == null || f.detenteur.company == null ? "" : f.detenteur.company.name
                    + (Boolean.TRUE.equals(f.detenteur.isPrivateIndividual) ? " (particulier)" : "");
            rows.add(List.of(f.numero, holder, f.postalCode, kilograms(f.weight)));
        }
        pages.table(new float[]{1, 2, 1, 1}, List.of("Fiche d'intervention", "Détenteur", "Code postal", "Poids"),
                rows);
    }

    private void transporters(PdfPages pages) throws IOException {
        int n = 0;
        for (BsffTransporter t : bsff.transporters) {
            n++;
            Frame frame = new Frame("3. Transporteur n°" + n).company(t.company);
            if (t.recepisse != null) {
                frame.field("Récépissé", Boolean.TRUE.equals(t.recepisse.isExempted) ? "exempté"
                        : t.recepisse.number + " (" + t.recepisse.department + ")");
            }
            if (t.transport != null) {
                frame.field("Mode de transport", t.transport.mode == null ? null : t.transport.mode.name())
                        .field("Immatriculations", t.transport.plates == null ? null
                                : String.join(", ", t.transport.plates))
                        .field("Date de prise en charge", PdfFormat.date(t.transport.takenOverAt));
            }
            frame.signature("Signature du transporteur", t.transport == null ? null : t.transport.signature);
            pages.row(frame);
        }
    }

    private void destination(PdfPages pages) throws IOException {
        var d = bsff.destination;
        Frame destination = new Frame("4. Installation de destination").company(d == null ? null : d.company)
                .field("Opération prévue", d == null || d.plannedOperationCode == null ? null
                        : d.plannedOperationCode.name())
                .field("CAP", d == null ? null : d.cap);
        Frame reception = new Frame("Réception")
                .field("Date de réception", d == null || d.reception == null ? null : PdfFormat.date(d.reception.date))
                .signature("Signature de la réception", d == null || d.reception == null ? null
                        : d.reception.signature);
        pages.row(destination, reception);
    }

    private void packagings(PdfPages pages) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (BsffPackaging p : bsff.packagings) {
            var a = p.acceptation;
            var o = p.operation;
            rows.add(List.of(p.numero, p.type == null ? "" : p.type.name(), kilograms(p.weight),
                    a == null || a.status == null ? "" : a.status.name() + (a.weight == null ? ""
                            : " " + kilograms(a.weight)),
                    o == null || o.code == null ? "" : o.code.name() + (o.date == null ? ""
                            : " " + PdfFormat.date(o.date)),
                    o == null || o.signature == null ? "" : String.valueOf(o.signature.author)));
        }
        pages.table(new float[]{1, 1, 1, 1.5f, 1.5f, 1}, List.of("N° contenant", "Type", "Masse", "Acceptation",
                "Opération", "Signataire"), rows);
    }

    private static String kilograms(Double value) {
        return value == null ? "" : PdfFormat.number(value) + " kg";
    }
}
