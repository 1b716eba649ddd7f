package fr.wastetrace.bsd.bsdd.pdf;

import fr.wastetrace.bsd.bsdd.BsddLifecycle;
import fr.wastetrace.bsd.core.pdf.PdfFonts;
import fr.wastetrace.bsd.core.pdf.PdfPages;
import fr.wastetrace.bsd.core.pdf.Frame;
import fr.wastetrace.bsd.core.pdf.PdfFormat;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import fr.wastetrace.bsd.bsdd.model.Broker;
import fr.wastetrace.bsd.bsdd.model.Destination;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.InitialForm;
import fr.wastetrace.bsd.bsdd.model.InitialFormFraction;
import fr.wastetrace.bsd.bsdd.model.PackagingInfo;
import fr.wastetrace.bsd.bsdd.model.ParcelNumber;
import fr.wastetrace.bsd.bsdd.model.Recipient;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorer;
import fr.wastetrace.bsd.bsdd.model.Trader;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.common.WorkSite;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

import static fr.wastetrace.bsd.core.pdf.PdfFormat.date;
import static fr.wastetrace.bsd.core.pdf.PdfFormat.join;
import static fr.wastetrace.bsd.bsdd.pdf.BsddLabels.label;
import static fr.wastetrace.bsd.core.pdf.PdfFormat.label;
import static fr.wastetrace.bsd.core.pdf.PdfFormat.tonnes;
import static fr.wastetrace.bsd.core.pdf.PdfFormat.yesNo;

/**
 * The BSDD as a PDF laid out after CERFA 12571*01 (spec bsdd.md §8.1): the header with the readable id and status, frames
 * 1 to 12, the temporary storage frames 13 to 19 when the waste goes through one, the frames of the multimodal
 * transporters, and the list of the grouped BSDDs (appendix 2).
 */
public final class BsddPdfDocument {
    private static final String ADR_ESTIMATE = "QUANTITÉ ESTIMÉE CONFORMÉMENT AU 5.4.1.1.3.2 DE L'ADR";
    private static final String CANCELED_STAMP = "BORDEREAU ANNULÉ";

    private final Form form;
    private final List<InitialFormFraction> grouping;
    private final List<String> groupedIn;
    private final Instant editedAt;

    /**
     * @param grouping  the BSDDs grouped in this one, with the quantity allotted to it (appendix 2 / 1)
     * @param groupedIn readable ids of the BSDDs this one is grouped in
     * @param editedAt  when the document is produced (printed on it)
     */
    public BsddPdfDocument(Form form, List<InitialFormFraction> grouping, List<String> groupedIn, Instant editedAt) {
        this.form = form;
        this.grouping = grouping == null ? List.of() : grouping;
        this.groupedIn = groupedIn == null ? List.of() : groupedIn;
        this.editedAt = editedAt;
    }

    /** The file name the PDF is downloaded under. */
    public String fileName() {
        return form.readableId + ".pdf";
    }

    public byte[] render() throws IOException {
        try (PDDocument document = new PDDocument()) {
            describe(document);
            PdfPages pages = new PdfPages(document, new PdfFonts(document));
            header(pages);
            mainFrames(pages);
            if (form.recipient != null && Boolean.TRUE.equals(form.recipient.isTempStorage)) {
                temporaryStorage(pages);
            }
            multimodal(pages);
            appendix(pages);
            pages.finish("Bordereau n° " + form.readableId + " — document édité le " + PdfFormat.dateTime(editedAt),
                    BsddLifecycle.isCanceled(form.status) ? CANCELED_STAMP : null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    private void describe(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Bordereau de suivi de déchets dangereux " + form.readableId);
        info.setSubject("CERFA 12571*01");
        info.setCreator("WasteTrace");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(PdfFormat.FRANCE));
        created.setTimeInMillis(editedAt.toEpochMilli());
        info.setCreationDate(created);
    }

    private boolean dangerous() {
        WasteDetails w = form.wasteDetails;
        return w != null && (Boolean.TRUE.equals(w.isDangerous) || Boolean.TRUE.equals(w.pop)
                || w.code != null && BsddReferenceData.isDangerousWasteCode(w.code));
    }

    private void header(PdfPages pages) throws IOException {
        Frame regulation = new Frame(null)
                .text("Art. R. 541-45 du code de l'environnement")
                .text("Arrêté du 29 juillet 2005 (formulaire CERFA n° 12571*01)");
        Frame title = new Frame(null)
                .text("Ministère chargé de l'environnement")
                .strong("BORDEREAU DE SUIVI DE DÉCHETS DANGEREUX")
                .choices("Déchet", dangerous(), "dangereux", !dangerous(), "non dangereux")
                .text("Récépissé de bordereau dématérialisé (compatible Trackdéchets)");
        Frame status = new Frame(null)
                .field("Statut", label(form.status))
                .field("Document édité le", PdfFormat.dateTime(editedAt));
        if (BsddLifecycle.isCanceled(form.status)) {
            status.strong(CANCELED_STAMP);
        }
        pages.row(new float[]{1, 1.6f, 1}, regulation, title, status);

        EmitterType type = form.emitter == null ? null : form.emitter.type;
        Frame kind = new Frame(null).choices("J'émets un BSD pour",
                type == EmitterType.PRODUCER, "la prise en charge des déchets du producteur",
                type == EmitterType.OTHER, "un autre détenteur",
                type == EmitterType.APPENDIX1, "une tournée dédiée (bordereau chapeau)",
                type == EmitterType.APPENDIX1_PRODUCER, "une collecte de tournée dédiée (annexe 1)",
                type == EmitterType.APPENDIX2, "un regroupement dont la provenance reste identifiable (annexe 2 jointe)");
        Frame number = new Frame(null).field("N° de bordereau", form.readableId
                + (form.customId == null || form.customId.isBlank() ? "" : " (identifiant interne : " + form.customId + ")"));
        if (!groupedIn.isEmpty()) {
            number.field(type == EmitterType.APPENDIX1_PRODUCER ? "Annexé au bordereau de tournée dédiée n°"
                    : "Annexé au bordereau n°", String.join(", ", groupedIn));
        }
        if (form.isDuplicateOf != null) {
            number.field("Copie du bordereau n°", form.isDuplicateOf);
        }
        if (Boolean.TRUE.equals(form.isImportedFromPaper)) {
            number.text("Bordereau papier numérisé");
        }
        // The QR code (the readable id, as on the reference's PDFs, for road controls) sits in a third cell whose
        // blank lines reserve its height.
        Frame code = new Frame(null).text("Code QR");
        for (int i = 0; i < QR_LINES; i++) {
            code.text(" ");
        }
        float top = pages.top();
        float[] weights = {1.6f, 1, 0.5f};
        pages.row(weights, kind, number, code);
        float codeStart = pages.left((weights[0] + weights[1]) / (weights[0] + weights[1] + weights[2]));
        float cell = pages.left(1) - codeStart;
        float size = Math.min(cell - 12, QR_LINES * 9.1f);
        pages.qrCode(qrCode(form.readableId), codeStart + (cell - size) / 2, top - 16, size);
    }

    private static final int QR_LINES = 7;

    /** The QR code of a text, medium error correction, with the standard quiet zone trimmed to one module. */
    static BitMatrix qrCode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalStateException("a QR code cannot hold " + text, e);
        }
    }

    private void mainFrames(PdfPages pages) throws IOException {
        pages.row(emitterFrame(), recipientFrame());
        pages.row(wasteFrame(), packagingFrame());
        pages.row(quantityFrame("5. Quantité", form.wasteDetails), adrFrame("6. Mentions au titre des règlements ADR, RID, "
                + "ADN, IMDG", form.wasteDetails));
        pages.row(traderFrame(), brokerFrame(), intermediariesFrame());
        Transporter first = form.transporters.isEmpty() ? null : form.transporters.get(0);
        pages.row(transporterFrame("8. Collecteur-transporteur", first), emissionFrame());
        pages.banner("À REMPLIR PAR L'INSTALLATION DE DESTINATION");
        if (form.emitter != null && form.emitter.type == EmitterType.APPENDIX1_PRODUCER) {
            String placeholder = "En cas de contrôle, les informations de ce cadre sont celles du bordereau de tournée dédiée"
                    + (groupedIn.isEmpty() ? "." : " n° " + String.join(", ", groupedIn) + ".");
            pages.row(new Frame("10. Réception").text(placeholder), new Frame("11. Réalisation de l'opération").text(placeholder));
            pages.row(new Frame("12. Destination ultérieure prévue").text(placeholder));
            return;
        }
        pages.row(receptionFrame(), operationFrame());
        pages.row(nextDestinationFrame());
    }

    private Frame emitterFrame() {
        Emitter e = form.emitter == null ? new Emitter() : form.emitter;
        boolean individual = Boolean.TRUE.equals(e.isPrivateIndividual);
        boolean ship = Boolean.TRUE.equals(e.isForeignShip);
        Frame f = new Frame("1. Producteur ou détenteur du déchet")
                .choices("L'émetteur est", !individual && !ship, "un établissement", individual, "un particulier", ship,
                        "un navire étranger");
        company(f, e.company, individual);
        if (e.type == EmitterType.APPENDIX1) {
            f.text("Liste des producteurs initiaux en annexe.");
        }
        WorkSite site = e.workSite;
        f.strong("1.2 Point de collecte ou chantier (si différent de l'adresse ci-dessus)");
        if (site != null) {
            f.field("Nom", site.name)
                    .field("Adresse", join(" ", Arrays.asList(site.address, site.postalCode, site.city)))
                    .field("Informations", site.infos);
        } else if (e.pickupSite != null) {
            f.field("Adresse", e.pickupSite);
        }
        WasteDetails w = form.wasteDetails;
        if (w != null && (notEmpty(w.parcelNumbers) || notEmpty(w.analysisReferences) || notEmpty(w.landIdentifiers))) {
            f.strong("1.3 Terres et sédiments");
            if (notEmpty(w.parcelNumbers)) {
                f.field("Parcelle(s)", join(" ; ", w.parcelNumbers.stream().map(BsddPdfDocument::parcel).toList()));
            }
            f.field("Référence(s) d'analyse", join(", ", w.analysisReferences))
                    .field("Identifiant(s) terrain", join(", ", w.landIdentifiers));
        }
        f.check(form.ecoOrganisme != null, "Un éco-organisme est responsable du déchet, de sa collecte ou de son traitement");
        if (form.ecoOrganisme != null) {
            f.field("Éco-organisme", form.ecoOrganisme.name).field("SIRET de l'éco-organisme", form.ecoOrganisme.siret);
        }
        return f;
    }

    private Frame recipientFrame() {
        Recipient r = form.recipient == null ? new Recipient() : form.recipient;
        boolean temp = Boolean.TRUE.equals(r.isTempStorage);
        Frame f = new Frame("2. Installation de destination, d'entreposage ou de reconditionnement prévue")
                .choices("Entreposage provisoire ou reconditionnement", temp, "oui", !temp, "non");
        company(f, r.company, false);
        f.field("N° de certificat d'acceptation préalable (CAP)", r.cap)
                .field("Opération d'élimination ou de valorisation prévue (code D/R)", operation(r.processingOperation));
        return f;
    }

    private Frame wasteFrame() {
        WasteDetails w = form.wasteDetails == null ? new WasteDetails() : form.wasteDetails;
        Frame f = new Frame("3. Dénomination du déchet")
                .field("Rubrique (code du déchet)", w.code)
                .field("Dénomination usuelle", w.name)
                .choices("Le déchet est", dangerous(), "dangereux", !dangerous(), "non dangereux")
                .field("Contient des polluants organiques persistants (POP)", yesNo(w.pop))
                .field("Consistance", w.consistences == null ? ""
                        : join(", ", w.consistences.stream().map(c -> label(c)).toList()));
        if (w.sampleNumber != null) {
            f.field("N° d'échantillon", w.sampleNumber);
        }
        return f;
    }

    private Frame packagingFrame() {
        Frame f = new Frame("4. Conditionnement");
        packagings(f, form.wasteDetails == null ? null : form.wasteDetails.packagingInfos);
        if (Boolean.TRUE.equals(form.isDirectSupply)) {
            f.check(true, "Acheminement direct par pipeline ou convoyeur (sans conditionnement ni transporteur)");
        }
        return f;
    }

    private static void packagings(Frame f, List<PackagingInfo> infos) {
        if (infos == null || infos.isEmpty()) {
            f.text("Aucun conditionnement déclaré.");
            return;
        }
        int total = 0;
        for (PackagingInfo p : infos) {
            String type = BsddReferenceData.packaging(p.type.name()).map(ReferenceData.PackagingType::label)
                    .orElse(p.type.name());
            StringBuilder line = new StringBuilder().append(p.quantity).append(" × ").append(type);
            if (p.other != null && !p.other.isBlank()) {
                line.append(" : ").append(p.other);
            }
            if (p.volume != null) {
                line.append(", ").append(PdfFormat.number(p.volume)).append(" l");
            }
            if (!p.identificationNumbers.isEmpty()) {
                line.append(", n° ").append(String.join(", ", p.identificationNumbers));
            }
            f.text(line.toString());
            total += p.quantity;
        }
        f.field("Nombre total de colis", String.valueOf(total));
    }

    private static Frame quantityFrame(String title, WasteDetails w) {
        WasteDetails d = w == null ? new WasteDetails() : w;
        Frame f = new Frame(title)
                .field("Quantité", tonnes(d.quantity))
                .choices("", d.quantityType == QuantityType.REAL, "réelle", d.quantityType == QuantityType.ESTIMATED,
                        "estimée");
        if (d.quantityType == QuantityType.ESTIMATED && !Boolean.FALSE.equals(d.isSubjectToADR)) {
            f.strong(ADR_ESTIMATE);
        }
        return f;
    }

    private static Frame adrFrame(String title, WasteDetails w) {
        WasteDetails d = w == null ? new WasteDetails() : w;
        Frame f = new Frame(title)
                .choices("Soumis à l'ADR", Boolean.TRUE.equals(d.isSubjectToADR), "oui", Boolean.FALSE.equals(d.isSubjectToADR),
                        "non")
                .field("Mention ADR", d.onuCode)
                .field("Mention RID, ADN, IMDG", d.nonRoadRegulationMention);
        return f;
    }

    private Frame traderFrame() {
        Trader t = form.trader;
        Frame f = new Frame("7. Négociant");
        if (t == null) {
            return f.text("Aucun négociant.");
        }
        company(f, t.company, false);
        return receipt(f, t.receipt, t.department, t.validityLimit);
    }

    private Frame brokerFrame() {
        Broker b = form.broker;
        Frame f = new Frame("7. Courtier");
        if (b == null) {
            return f.text("Aucun courtier.");
        }
        company(f, b.company, false);
        return receipt(f, b.receipt, b.department, b.validityLimit);
    }

    private Frame intermediariesFrame() {
        Frame f = new Frame("Intermédiaires");
        if (form.intermediaries.isEmpty()) {
            return f.text("Aucun intermédiaire.");
        }
        for (FormCompany c : form.intermediaries) {
            f.strong(Objects.requireNonNullElse(c.name, ""));
            f.field("SIRET", c.identifier()).field("Contact", c.contact);
        }
        return f;
    }

    private static Frame receipt(Frame f, String number, String department, Instant validityLimit) {
        return f.field("Récépissé n°", number).field("Département", department)
                .field("Limite de validité", date(validityLimit));
    }

    private static Frame transporterFrame(String title, Transporter t) {
        return t == null ? transporterFrame(title, null, null, null) : transporterFrame(title, t, t.takenOverAt, t.takenOverBy);
    }

    private static Frame transporterFrame(String title, Transporter t, Instant takenOverAt, String takenOverBy) {
        Frame f = new Frame(title);
        if (t == null) {
            return f.text("Aucun transporteur.");
        }
        company(f, t.company, false);
        if (Boolean.TRUE.equals(t.isExemptedOfReceipt)) {
            f.check(true, "Exempté de récépissé (art. R. 541-50 du code de l'environnement)");
        } else {
            receipt(f, t.receipt, t.department, t.validityLimit);
        }
        f.field("Mode de transport", label(t.mode)).field("Immatriculation(s)", t.numberPlate);
        if (t.customInfo != null) {
            f.field("Informations complémentaires", t.customInfo);
        }
        return f.field("Date de prise en charge", date(takenOverAt))
                .signature("Signature du transporteur", takenOverAt, takenOverBy);
    }

    private Frame emissionFrame() {
        return new Frame("9. Déclaration générale de l'émetteur du bordereau")
                .text("L'émetteur certifie que les renseignements des cadres 1 à 8 sont exacts et de bonne foi.")
                .check(Boolean.TRUE.equals(form.emittedByEcoOrganisme), "Signé par l'éco-organisme pour le compte du "
                        + "producteur")
                .field("Nom", form.emittedBy)
                .field("Date", date(form.emittedAt))
                .signature("Signature", form.emittedAt, form.emittedBy);
    }

    private Frame receptionFrame() {
        Frame f = new Frame("10. Réception par l'installation visée au cadre 2 (ou 14)")
                .field("Quantité présentée", tonnes(form.quantityReceived)
                        + (form.quantityReceivedType == null ? "" : " (" + label(form.quantityReceivedType) + ")"))
                .field("Date de présentation", date(form.receivedAt));
        acceptance(f, form.wasteAcceptationStatus, form.quantityReceived, form.quantityRefused, form.quantityAccepted,
                form.wasteRefusalReason);
        if (form.hasCiterneBeenWashedOut != null) {
            f.field("Rinçage de la citerne", form.hasCiterneBeenWashedOut ? "effectué"
                    : "non effectué" + (form.citerneNotWashedOutReason == null ? ""
                    : " (" + label(form.citerneNotWashedOutReason) + ")"));
        }
        if (form.emptyReturnADR != null) {
            f.field("Retour à vide (ADR)", label(form.emptyReturnADR));
        }
        return f.field("Nom", form.receivedBy)
                .field("Date de l'acceptation", date(form.signedAt))
                .signature("Signature", form.signedAt != null ? form.signedAt : form.receivedAt, form.receivedBy);
    }

    private static void acceptance(Frame f, WasteAcceptationStatus status, Double received, Double refused,
                                   Double accepted, String reason) {
        f.choices("Lot accepté", status == WasteAcceptationStatus.ACCEPTED, "oui", status == WasteAcceptationStatus.REFUSED,
                "non", status == WasteAcceptationStatus.PARTIALLY_REFUSED, "partiellement");
        if (status != null) {
            Double refusedNet = status == WasteAcceptationStatus.ACCEPTED ? Double.valueOf(0)
                    : status == WasteAcceptationStatus.REFUSED ? received : refused;
            f.field("Quantité refusée", tonnes(refusedNet)).field("Quantité acceptée", tonnes(accepted));
        }
        f.field("Motif du refus (même partiel)", reason);
    }

    private Frame operationFrame() {
        Frame f = new Frame("11. Réalisation de l'opération")
                .field("Code D/R de l'opération", form.processingOperationDone)
                .field("Mode de traitement", label(form.destinationOperationMode))
                .field("Description", form.processingOperationDescription)
                .field("Date de l'opération", date(form.processedAt))
                .check(Boolean.TRUE.equals(form.noTraceability), "Rupture de traçabilité autorisée par arrêté préfectoral");
        if (Boolean.TRUE.equals(form.isUpcycled) && form.recipient != null) {
            f.field("Terres valorisées sur les parcelles", join(", ", form.recipient.parcelNumbers))
                    .field("Codes INSEE", join(", ", form.recipient.parcelInseeCodes))
                    .field("Coordonnées", join(" ; ", form.recipient.parcelCoordinates));
        }
        return f.text("L'installation certifie que l'opération ci-dessus a été effectuée.")
                .field("Nom", form.processedBy)
                .signature("Signature", form.processedAt, form.processedBy);
    }

    private Frame nextDestinationFrame() {
        Frame f = new Frame("12. Destination ultérieure prévue");
        if (form.nextDestination == null) {
            return f.text("Sans objet.");
        }
        company(f, form.nextDestination.company, false);
        return f.field("Code D/R du traitement prévu", operation(form.nextDestination.processingOperation))
                .field("N° de notification ou du document de l'annexe I-B du règlement (CE) n° 1013/2006",
                        form.nextDestination.notificationNumber);
    }

    private void temporaryStorage(PdfPages pages) throws IOException {
        TemporaryStorageDetail t = form.temporaryStorageDetail == null ? new TemporaryStorageDetail()
                : form.temporaryStorageDetail;
        pages.banner("À REMPLIR EN CAS D'ENTREPOSAGE PROVISOIRE OU DE RECONDITIONNEMENT (CADRES 13 À 19)");
        TemporaryStorer s = t.temporaryStorer == null ? new TemporaryStorer() : t.temporaryStorer;
        Frame reception = new Frame("13. Réception par l'installation d'entreposage prévue au cadre 2")
                .field("Quantité présentée", tonnes(s.quantityReceived)
                        + (s.quantityType == null ? "" : " (" + label(s.quantityType) + ")"))
                .field("Date de présentation", date(s.receivedAt));
        acceptance(reception, s.wasteAcceptationStatus, s.quantityReceived, s.quantityRefused, s.quantityAccepted,
                s.wasteRefusalReason);
        reception.field("Nom", s.receivedBy).field("Date de l'acceptation", date(s.signedAt))
                .signature("Signature", s.signedAt != null ? s.signedAt : s.receivedAt, s.receivedBy);
        Destination d = t.destination == null ? new Destination() : t.destination;
        Frame destination = new Frame("14. Installation de destination prévue");
        company(destination, d.company, false);
        destination.field("N° de CAP", d.cap).field("Opération prévue (code D/R)", operation(d.processingOperation));
        pages.row(reception, destination);

        Frame repackaging = new Frame("15. Conditionnement (en cas de reconditionnement)");
        packagings(repackaging, t.wasteDetails == null ? null : t.wasteDetails.packagingInfos);
        pages.row(repackaging, quantityFrame("16. Quantité (en cas de reconditionnement)", t.wasteDetails),
                adrFrame("17. Mentions ADR, RID, ADN, IMDG (en cas de reconditionnement)", t.wasteDetails));
        Frame declaration = new Frame("19. Déclaration générale de l'installation d'entreposage (cadre 2)")
                .text("L'installation certifie que les renseignements des cadres 13 à 18 sont exacts et de bonne foi.")
                .field("Nom", t.emittedBy != null ? t.emittedBy : t.signedBy)
                .field("Date", date(t.emittedAt != null ? t.emittedAt : t.signedAt))
                .signature("Signature", t.emittedAt != null ? t.emittedAt : t.signedAt,
                        t.emittedBy != null ? t.emittedBy : t.signedBy);
        Transporter transporter = t.transporter;
        pages.row(transporterFrame("18. Collecteur-transporteur après entreposage", transporter,
                t.takenOverAt != null ? t.takenOverAt : transporter == null ? null : transporter.takenOverAt,
                t.takenOverBy != null ? t.takenOverBy : transporter == null ? null : transporter.takenOverBy), declaration);
    }

    private void multimodal(PdfPages pages) throws IOException {
        if (form.transporters.size() < 2) {
            return;
        }
        pages.banner("À REMPLIR EN CAS DE TRANSPORT MULTIMODAL");
        List<Frame> frames = new ArrayList<>();
        for (int i = 1; i < form.transporters.size(); i++) {
            frames.add(transporterFrame("Transporteur n° " + (i + 1), form.transporters.get(i)));
        }
        for (int i = 0; i < frames.size(); i += 2) {
            if (i + 1 < frames.size()) {
                pages.row(frames.get(i), frames.get(i + 1));
            } else {
                pages.row(new float[]{1, 1}, frames.get(i), new Frame(null));
            }
        }
    }

    private void appendix(PdfPages pages) throws IOException {
        if (grouping.isEmpty()) {
            return;
        }
        pages.newPage();
        boolean round = form.emitter != null && form.emitter.type == EmitterType.APPENDIX1;
        pages.banner("BORDEREAUX ANNEXÉS — " + (round ? "collectes de la tournée dédiée (annexe 1)"
                : "historique de la traçabilité (annexe 2)") + " — bordereau n° " + form.readableId);
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (InitialFormFraction fraction : grouping) {
            InitialForm g = fraction.form;
            WasteDetails w = g.wasteDetails == null ? new WasteDetails() : g.wasteDetails;
            Double weighed = g.quantityAccepted != null ? g.quantityAccepted
                    : g.quantityReceived != null ? g.quantityReceived : w.quantity;
            String kind = g.quantityReceived != null ? "réelle" : label(w.quantityType);
            rows.add(List.of(String.valueOf(n++), g.readableId, Objects.requireNonNullElse(w.code, ""),
                    Objects.requireNonNullElse(w.name, ""), PdfFormat.number(weighed), kind,
                    PdfFormat.number(fraction.quantity), date(g.takenOverAt), date(g.signedAt),
                    Objects.requireNonNullElse(g.emitterPostalCode, "")));
        }
        pages.table(new float[]{0.35f, 2.1f, 0.9f, 2f, 0.9f, 0.8f, 1f, 1f, 1f, 0.9f},
                List.of("#", "N° de bordereau", "Code déchet", "Dénomination usuelle", "Pesée (t)", "Réelle / estimée",
                        "Fraction regroupée (t)", "Prise en charge initiale", "Acceptée le", "Code postal de collecte"),
                rows);
    }

    private static void company(Frame f, FormCompany c, boolean privateIndividual) {
        FormCompany company = c == null ? new FormCompany() : c;
        f.field(privateIndividual ? "Nom" : "Raison sociale", company.name);
        if (!privateIndividual) {
            if (company.siret != null && !company.siret.isBlank()) {
                f.field("N° SIRET", company.siret);
            } else if (company.vatNumber != null && !company.vatNumber.isBlank()) {
                f.field("N° de TVA intracommunautaire", company.vatNumber);
            } else if (company.omiNumber != null) {
                f.field("N° OMI", company.omiNumber);
            } else if (company.extraEuropeanId != null) {
                f.field("Identifiant hors Union européenne", company.extraEuropeanId);
            } else {
                f.field("N° SIRET", "");
            }
        }
        f.field("Adresse", company.address);
        if (company.country != null && !"FR".equalsIgnoreCase(company.country)) {
            f.field("Pays", company.country);
        }
        if (!privateIndividual) {
            f.field("Contact", company.contact);
        }
        f.field("Téléphone", company.phone).field("Courriel", company.mail);
    }

    private static String operation(String code) {
        if (code == null) {
            return "";
        }
        return BsddReferenceData.operation(code).map(o -> o.code() + " — " + o.label()).orElse(code);
    }

    private static String parcel(ParcelNumber p) {
        String place = join(" ", Arrays.asList(p.city, p.inseeCode != null ? p.inseeCode : p.postalCode));
        String reference = join("/", Arrays.asList(p.prefix, p.section, p.number));
        String coordinates = p.x != null && p.y != null ? "lat " + PdfFormat.number(p.x) + "°, lon "
                + PdfFormat.number(p.y) + "°" : "";
        return join(" — ", Arrays.asList(place, reference, coordinates));
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
