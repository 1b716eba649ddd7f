package fr.wastetrace.bsd.bsvhu.pdf;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuDestination;
import fr.wastetrace.bsd.bsvhu.model.BsvhuDestinationType;
import fr.wastetrace.bsd.bsvhu.model.BsvhuIdentification;
import fr.wastetrace.bsd.bsvhu.model.BsvhuIdentificationType;
import fr.wastetrace.bsd.bsvhu.model.BsvhuOperation;
import fr.wastetrace.bsd.bsvhu.model.BsvhuPackaging;
import fr.wastetrace.bsd.bsvhu.model.BsvhuReception;
import fr.wastetrace.bsd.bsvhu.model.BsvhuRecepisse;
import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransporter;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.pdf.Frame;
import fr.wastetrace.bsd.core.pdf.PdfDocuments;
import fr.wastetrace.bsd.core.pdf.PdfFormat;
import fr.wastetrace.bsd.core.pdf.PdfPages;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The BSVHU as a PDF, drawn with the core's layout engine: header, emitter (1), waste and vehicles (2 to 5),
 * destination (6), transporters (7, one frame each in the multimodal order), reception (8) and operation (9), every
 * signature with its date and signatory.
 */
public final class BsvhuPdfDocument {
    private static final Map<BsvhuStatus, String> STATUS = Map.of(
            BsvhuStatus.INITIAL, "initial", BsvhuStatus.SIGNED_BY_PRODUCER, "signé par l'émetteur",
            BsvhuStatus.SENT, "pris en charge par le transporteur", BsvhuStatus.RECEIVED, "reçu",
            BsvhuStatus.PROCESSED, "traité", BsvhuStatus.REFUSED, "refusé");
    private static final Map<BsvhuIdentificationType, String> IDENTIFICATION = Map.of(
            BsvhuIdentificationType.NUMERO_ORDRE_REGISTRE_POLICE, "N° d'ordre tels qu'ils figurent dans le registre de police",
            BsvhuIdentificationType.NUMERO_ORDRE_LOTS_SORTANTS, "N° d'ordre des lots sortants",
            BsvhuIdentificationType.NUMERO_IMMATRICULATION, "N° d'immatriculation",
            BsvhuIdentificationType.NUMERO_FICHE_DROMCOM, "N° de fiche VHU DROMCOM");

    private final Bsvhu bsvhu;
    private final Instant editedAt;

    public BsvhuPdfDocument(Bsvhu bsvhu, Instant editedAt) {
        this.bsvhu = bsvhu;
        this.editedAt = editedAt;
    }

    public String fileName() {
        return bsvhu.id + ".pdf";
    }

    public byte[] render() throws IOException {
        return PdfDocuments.render("Bordereau de suivi de véhicules hors d'usage " + bsvhu.id, bsvhu.id, editedAt,
                pages -> {
                    header(pages);
                    emitterAndWaste(pages);
                    destination(pages);
                    transporters(pages);
                    pages.banner("À REMPLIR PAR L'INSTALLATION DE DESTINATION");
                    receptionAndOperation(pages);
                });
    }

    private void header(PdfPages pages) throws IOException {
        Frame title = new Frame(null)
                .strong("BORDEREAU DE SUIVI DE VÉHICULES HORS D'USAGE (BSVHU)")
                .text("Articles R. 543-162 et suivants du code de l'environnement")
                .text("Récépissé de bordereau dématérialisé (compatible Trackdéchets)");
        Frame id = new Frame(null)
                .field("N° de bordereau", bsvhu.id)
                .field("Statut", STATUS.get(bsvhu.status) + (bsvhu.isDraft ? " (brouillon)" : ""))
                .field("N° libre", bsvhu.customId);
        pages.row(new float[]{2, 1}, title, id);
    }

    private void emitterAndWaste(PdfPages pages) throws IOException {
        Frame emitter = new Frame("1. Émetteur du bordereau (centre VHU agréé)").company(
                bsvhu.emitter == null ? null : bsvhu.emitter.company);
        if (bsvhu.emitter != null) {
            emitter.field("N° d'agrément", bsvhu.emitter.agrementNumber);
            if (bsvhu.emitter.irregularSituation) {
                emitter.check(true, "Installation en situation irrégulière")
                        .check(bsvhu.emitter.noSiret, "Sans SIRET")
                        .check(bsvhu.emitter.notOnTD, "Non inscrite sur la plateforme");
            }
        }
        if (bsvhu.ecoOrganisme != null) {
            emitter.field("Éco-organisme", bsvhu.ecoOrganisme.name + " (" + bsvhu.ecoOrganisme.siret + ")");
        }
        emitter.signature("Signature de l'émetteur", date(emissionSignature()), author(emissionSignature()));
        Frame waste = new Frame("2-5. Déchet et véhicules")
                .field("Code déchet", bsvhu.wasteCode == null ? null : bsvhu.wasteCode
                        + ("16 01 06".equals(bsvhu.wasteCode) ? " (véhicules dépollués)" : " (véhicules non dépollués)"))
                .choices("Conditionnement", bsvhu.packaging == BsvhuPackaging.UNITE, "en unités",
                        bsvhu.packaging == BsvhuPackaging.LOT, "en lots")
                .field("Identification", identification(bsvhu.identification))
                .field("Quantité", bsvhu.quantity == null ? null : bsvhu.quantity + " véhicule(s) / lot(s)")
                .field("Poids", bsvhu.weight == null ? null : PdfFormat.tonnes(bsvhu.weight.value)
                        + (Boolean.TRUE.equals(bsvhu.weight.isEstimate) ? " (estimé)" : " (réel)"))
                .field("Véhicules électriques ou hybrides", PdfFormat.yesNo(bsvhu.containsElectricOrHybridVehicles));
        pages.row(emitter, waste);
        if (bsvhu.broker != null || bsvhu.trader != null || bsvhu.intermediaries != null && !bsvhu.intermediaries.isEmpty()) {
            Frame others = new Frame("Courtier, négociant, intermédiaires");
            if (bsvhu.broker != null) {
                others.field("Courtier", name(bsvhu.broker.company)).field("Récépissé", receipt(bsvhu.broker.recepisse));
            }
            if (bsvhu.trader != null) {
                others.field("Négociant", name(bsvhu.trader.company)).field("Récépissé", receipt(bsvhu.trader.recepisse));
            }
            if (bsvhu.intermediaries != null) {
                bsvhu.intermediaries.forEach(i -> others.field("Intermédiaire", name(i)));
            }
            pages.row(others);
        }
    }

    private void destination(PdfPages pages) throws IOException {
        BsvhuDestination d = bsvhu.destination;
        Frame frame = new Frame("6. Installation de destination").company(d == null ? null : d.company);
        if (d != null) {
            frame.choices("Type", d.type == BsvhuDestinationType.BROYEUR, "broyeur",
                            d.type == BsvhuDestinationType.DEMOLISSEUR, "démolisseur (centre VHU)")
                    .field("N° d'agrément", d.agrementNumber)
                    .field("Opération prévue", d.plannedOperationCode);
        }
        pages.row(frame);
    }

    private void transporters(PdfPages pages) throws IOException {
        if (bsvhu.transporters.isEmpty()) {
            pages.row(new Frame("7. Transporteur").text("Aucun transporteur renseigné."));
            return;
        }
        int n = 0;
        for (BsvhuTransporter t : bsvhu.transporters) {
            n++;
            Frame frame = new Frame("7. Transporteur n° " + n).company(t.company)
                    .field("Récépissé", receipt(t.recepisse));
            if (t.transport != null) {
                frame.field("Mode de transport", PdfFormat.label(t.transport.mode))
                        .field("Immatriculation(s)", t.transport.plates == null ? null
                                : PdfFormat.join(", ", t.transport.plates))
                        .field("Date de prise en charge", PdfFormat.date(t.transport.takenOverAt));
            }
            Signature s = t.transport == null ? null : t.transport.signature;
            frame.signature("Signature du transporteur", date(s), author(s));
            pages.row(frame);
        }
    }

    private void receptionAndOperation(PdfPages pages) throws IOException {
        BsvhuReception r = bsvhu.destination == null ? null : bsvhu.destination.reception;
        Frame reception = new Frame("8. Réception");
        if (r != null) {
            reception.field("Date de réception", PdfFormat.date(r.date))
                    .field("Quantité reçue", r.quantity == null ? null : String.valueOf(r.quantity))
                    .field("Poids reçu", PdfFormat.tonnes(r.weight))
                    .field("Identification à la réception", identification(r.identification))
                    .choices("Lot", r.acceptationStatus == WasteAcceptationStatus.ACCEPTED, "accepté",
                            r.acceptationStatus == WasteAcceptationStatus.PARTIALLY_REFUSED, "accepté partiellement",
                            r.acceptationStatus == WasteAcceptationStatus.REFUSED, "refusé")
                    .field("Motif du refus", r.refusalReason);
        }
        reception.signature("Signature de la réception", date(r == null ? null : r.signature),
                author(r == null ? null : r.signature));
        BsvhuOperation o = bsvhu.destination == null ? null : bsvhu.destination.operation;
        Frame operation = new Frame("9. Opération réalisée");
        if (o != null) {
            operation.field("Code de l'opération", o.code)
                    .field("Mode de traitement", PdfFormat.label(o.mode))
                    .field("Date de l'opération", PdfFormat.date(o.date));
            if (o.nextDestination != null && o.nextDestination.company != null) {
                operation.field("Destination ultérieure", name(o.nextDestination.company));
            }
        }
        operation.signature("Signature de l'opération", date(o == null ? null : o.signature),
                author(o == null ? null : o.signature));
        pages.row(reception, operation);
    }

    private Signature emissionSignature() {
        return bsvhu.emitter == null || bsvhu.emitter.emission == null ? null : bsvhu.emitter.emission.signature;
    }

    private static Instant date(Signature s) {
        return s == null ? null : s.date;
    }

    private static String author(Signature s) {
        return s == null ? null : s.author;
    }

    private static String name(FormCompany c) {
        if (c == null) {
            return null;
        }
        String id = c.identifier();
        return c.name == null ? id : id == null ? c.name : c.name + " (" + id + ")";
    }

    private static String identification(BsvhuIdentification i) {
        if (i == null || i.numbers == null || i.numbers.isEmpty()) {
            return null;
        }
        String type = i.type == null ? "" : IDENTIFICATION.get(i.type) + " : ";
        return type + PdfFormat.join(", ", i.numbers);
    }

    private static String receipt(BsvhuRecepisse r) {
        if (r == null) {
            return null;
        }
        if (Boolean.TRUE.equals(r.isExempted)) {
            return "exempté";
        }
        return r.number == null ? null : r.number + (r.department == null ? "" : ", département " + r.department)
                + (r.validityLimit == null ? "" : ", valable jusqu'au " + PdfFormat.date(r.validityLimit));
    }
}
