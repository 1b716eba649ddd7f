package fr.wastetrace.bsd.bspaoh.pdf;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohDestination;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackaging;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingAcceptationStatus;
import fr.wastetrace.bsd.bspaoh.model.BspaohReception;
import fr.wastetrace.bsd.bspaoh.model.BspaohReceptionWasteWeight;
import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
import fr.wastetrace.bsd.bspaoh.model.BspaohTransporter;
import fr.wastetrace.bsd.bspaoh.model.BspaohType;
import fr.wastetrace.bsd.bspaoh.model.BspaohWasteDetail;
import fr.wastetrace.bsd.common.PickupSite;
import fr.wastetrace.graphql.WasteAcceptationStatus;
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
 * The BSPAOH as a PDF, drawn with the core's layout engine: header, producer (1), waste (2) and its packagings (a
 * table with each packaging's identification codes and answer at reception), transporter (3), crematorium (4) with
 * the hand-over, reception (5) and cremation (6), every signature with its date and signatory.
 */
public final class BspaohPdfDocument {
    private static final Map<BspaohStatus, String> STATUS = Map.of(
            BspaohStatus.DRAFT, "brouillon", BspaohStatus.INITIAL, "initial",
            BspaohStatus.SIGNED_BY_PRODUCER, "signé par le producteur",
            BspaohStatus.SENT, "pris en charge par le transporteur", BspaohStatus.RECEIVED, "reçu",
            BspaohStatus.PROCESSED, "traité", BspaohStatus.REFUSED, "refusé",
            BspaohStatus.PARTIALLY_REFUSED, "refusé partiellement", BspaohStatus.CANCELED, "annulé");
    private static final Map<BspaohPackagingAcceptationStatus, String> ANSWER = Map.of(
            BspaohPackagingAcceptationStatus.PENDING, "en attente", BspaohPackagingAcceptationStatus.ACCEPTED,
            "accepté", BspaohPackagingAcceptationStatus.REFUSED, "refusé");

    private final Bspaoh bspaoh;
    private final Instant editedAt;

    public BspaohPdfDocument(Bspaoh bspaoh, Instant editedAt) {
        this.bspaoh = bspaoh;
        this.editedAt = editedAt;
    }

    public String fileName() {
        return bspaoh.id + ".pdf";
    }

    public byte[] render() throws IOException {
        return PdfDocuments.render("Bordereau de suivi de pièces anatomiques d'origine humaine " + bspaoh.id, bspaoh.id,
                editedAt, pages -> {
                    header(pages);
                    producerAndWaste(pages);
                    packagings(pages);
                    transporterAndDestination(pages);
                    pages.banner("À REMPLIR PAR LE CRÉMATORIUM");
                    receptionAndOperation(pages);
                });
    }

    private void header(PdfPages pages) throws IOException {
        Frame title = new Frame(null)
                .strong("BORDEREAU DE SUIVI DE PIÈCES ANATOMIQUES D'ORIGINE HUMAINE (BSPAOH)")
                .text("Articles R. 1335-1 et suivants du code de la santé publique")
                .text("Récépissé de bordereau dématérialisé (compatible Trackdéchets)");
        Frame id = new Frame(null)
                .field("N° de bordereau", bspaoh.id)
                .field("Statut", STATUS.get(bspaoh.status) + (bspaoh.isDraft ? " (brouillon)" : ""));
        pages.row(new float[]{2, 1}, title, id);
    }

    private void producerAndWaste(PdfPages pages) throws IOException {
        Frame producer = new Frame("1. Producteur (établissement de santé)")
                .company(bspaoh.emitter == null ? null : bspaoh.emitter.company);
        PickupSite site = bspaoh.emitter == null ? null : bspaoh.emitter.pickupSite;
        if (site != null) {
            producer.field("Adresse de collecte", String.join(" ", nonNull(site.name, site.address, site.postalCode,
                    site.city))).field("Informations", site.infos);
        }
        producer.field("Informations complémentaires", bspaoh.emitter == null ? null : bspaoh.emitter.customInfo)
                .signature("Signature du producteur", bspaoh.emitter == null || bspaoh.emitter.emission == null
                        ? null : bspaoh.emitter.emission.signature);
        BspaohWasteDetail detail = bspaoh.emitter == null || bspaoh.emitter.emission == null ? null
                : bspaoh.emitter.emission.detail;
        Frame waste = new Frame("2. Déchet")
                .field("Code déchet", bspaoh.waste == null ? null : bspaoh.waste.code)
                .choices("Type", bspaoh.waste != null && bspaoh.waste.type == BspaohType.PAOH,
                        "pièces anatomiques d'origine humaine", bspaoh.waste != null
                                && bspaoh.waste.type == BspaohType.FOETUS, "fœtus")
                .field("Mention ADR", bspaoh.waste == null ? null : bspaoh.waste.adr)
                .field("Nombre de conditionnements", detail == null || detail.quantity == null ? null
                        : String.valueOf(detail.quantity))
                .field("Poids", detail == null || detail.weight == null ? null : kilograms(detail.weight.value)
                        + (Boolean.TRUE.equals(detail.weight.isEstimate) ? " (estimé)" : " (réel)"));
        pages.row(producer, waste);
    }

    private void packagings(PdfPages pages) throws IOException {
        List<BspaohPackaging> list = bspaoh.waste == null || bspaoh.waste.packagings == null ? List.of()
                : bspaoh.waste.packagings;
        List<List<String>> rows = new ArrayList<>();
        for (BspaohPackaging p : list) {
            rows.add(List.of(String.valueOf(p.type), p.volume == null ? "" : p.volume + " l",
                    p.containerNumber == null ? "" : p.containerNumber, String.valueOf(p.consistence),
                    p.identificationCodes == null ? "" : PdfFormat.join(", ", p.identificationCodes),
                    ANSWER.get(p.acceptation)));
        }
        pages.table(new float[]{1.2f, 0.8f, 1.2f, 1, 2.2f, 1}, List.of("Conditionnement", "Volume", "N° de contenant",
                "Consistance", "Codes d'identification", "Réception"), rows);
    }

    private void transporterAndDestination(PdfPages pages) throws IOException {
        BspaohTransporter t = bspaoh.transporter;
        Frame transporter = new Frame("3. Transporteur").company(t == null ? null : t.company);
        if (t != null && t.recepisse != null) {
            transporter.field("Récépissé", Boolean.TRUE.equals(t.recepisse.isExempted) ? "exempté"
                    : t.recepisse.number == null ? null : t.recepisse.number + ", département "
                    + t.recepisse.department + ", valable jusqu'au " + PdfFormat.date(t.recepisse.validityLimit));
        }
        if (t != null && t.transport != null) {
            transporter.field("Mode de transport", PdfFormat.label(t.transport.mode))
                    .field("Immatriculation(s)", t.transport.plates == null ? null
                            : PdfFormat.join(", ", t.transport.plates))
                    .field("Date de prise en charge", PdfFormat.date(t.transport.takenOverAt));
        }
        transporter.signature("Signature du transporteur", t == null || t.transport == null ? null
                : t.transport.signature);
        BspaohDestination d = bspaoh.destination;
        Frame destination = new Frame("4. Crématorium").company(d == null ? null : d.company)
                .field("CAP", d == null ? null : d.cap);
        destination.signature("Remise au crématorium", d == null || d.handedOverToDestination == null ? null
                : d.handedOverToDestination.signature);
        pages.row(transporter, destination);
    }

    private void receptionAndOperation(PdfPages pages) throws IOException {
        BspaohReception r = bspaoh.destination == null ? null : bspaoh.destination.reception;
        Frame reception = new Frame("5. Réception");
        if (r != null) {
            WasteAcceptationStatus status = r.acceptation == null ? null : r.acceptation.status;
            reception.field("Date de réception", PdfFormat.date(r.date))
                    .choices("Déchet", status == WasteAcceptationStatus.ACCEPTED, "accepté",
                            status == WasteAcceptationStatus.PARTIALLY_REFUSED, "refusé partiellement",
                            status == WasteAcceptationStatus.REFUSED, "refusé")
                    .field("Motif du refus", r.acceptation == null ? null : r.acceptation.refusalReason);
            if (r.detail != null) {
                reception.field("Nombre de conditionnements reçus", r.detail.quantity == null ? null
                                : String.valueOf(r.detail.quantity))
                        .field("Poids reçu", kilograms(r.detail.receivedWeight))
                        .field("Poids refusé", kilograms(r.detail.refusedWeight))
                        .field("Poids accepté", kilograms(r.detail.acceptedWeight));
            }
        }
        reception.signature("Signature de la réception", r == null ? null : r.signature);
        var o = bspaoh.destination == null ? null : bspaoh.destination.operation;
        Frame operation = new Frame("6. Crémation");
        if (o != null) {
            operation.field("Code de l'opération", o.code).field("Date de l'opération", PdfFormat.date(o.date));
        }
        operation.signature("Signature de l'opération", o == null ? null : o.signature);
        pages.row(reception, operation);
    }

    private static String kilograms(BspaohReceptionWasteWeight w) {
        return w == null ? null : kilograms(w.value);
    }

    private static String kilograms(Double value) {
        return value == null ? null : PdfFormat.number(value) + " kg";
    }

    private static List<String> nonNull(String... parts) {
        List<String> list = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                list.add(p);
            }
        }
        return list;
    }
}
