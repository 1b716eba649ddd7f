package fr.wastetrace.bsd.bspaoh.pdf;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohDestination;
import fr.wastetrace.bsd.bspaoh.model.BspaohEmitter;
import fr.wastetrace.bsd.bspaoh.model.BspaohHandedOverToDestination;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackaging;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingAcceptationStatus;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingType;
import fr.wastetrace.bsd.bspaoh.model.BspaohConsistence;
import fr.wastetrace.bsd.bspaoh.model.BspaohReception;
import fr.wastetrace.bsd.bspaoh.model.BspaohReceptionWasteDetail;
import fr.wastetrace.bsd.bspaoh.model.BspaohReceptionWasteWeight;
import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
import fr.wastetrace.bsd.bspaoh.model.BspaohType;
import fr.wastetrace.bsd.bspaoh.model.BspaohWaste;
import fr.wastetrace.bsd.bspaoh.model.BspaohWasteAcceptation;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSPAOH's PDF, read back as text: its frames, packagings table and signatures. */
class BspaohPdfDocumentTest {
    private static final Instant SIGNED = Instant.parse("2026-12-07T09:30:00Z");

    private static FormCompany company(String siret, String name) {
        FormCompany c = new FormCompany();
        c.siret = siret;
        c.name = name;
        c.address = "1 rue de la Paix 69001 Lyon";
        return c;
    }

    private static BspaohPackaging packaging(String code, BspaohPackagingAcceptationStatus answer) {
        BspaohPackaging p = new BspaohPackaging();
        p.type = BspaohPackagingType.LITTLE_BOX;
        p.volume = 10;
        p.containerNumber = "BOX-" + code;
        p.quantity = 1;
        p.consistence = BspaohConsistence.SOLIDE;
        p.identificationCodes = List.of(code);
        p.acceptation = answer;
        return p;
    }

    @Test
    void theTextShowsTheFramesThePackagingsAndTheSignatures() throws Exception {
        Bspaoh b = new Bspaoh();
        b.id = "PAOH-20261207-ABCDEFGHI";
        b.status = BspaohStatus.PARTIALLY_REFUSED;
        b.emitter = new BspaohEmitter();
        b.emitter.company = company("81000000000002", "Centre hospitalier Saint-Luc");
        b.waste = new BspaohWaste();
        b.waste.type = BspaohType.PAOH;
        b.waste.code = "18 01 02";
        b.waste.packagings = List.of(packaging("PAOH-A1", BspaohPackagingAcceptationStatus.ACCEPTED),
                packaging("PAOH-A2", BspaohPackagingAcceptationStatus.REFUSED));
        b.destination = new BspaohDestination();
        b.destination.company = company("83000000000000", "Crématorium du Parc");
        b.destination.handedOverToDestination = new BspaohHandedOverToDestination();
        b.destination.handedOverToDestination.signature = new Signature("Paul", SIGNED);
        b.destination.reception = new BspaohReception();
        b.destination.reception.acceptation = new BspaohWasteAcceptation();
        b.destination.reception.acceptation.status = WasteAcceptationStatus.PARTIALLY_REFUSED;
        b.destination.reception.acceptation.refusalReason = "Conditionnement non étanche";
        b.destination.reception.detail = new BspaohReceptionWasteDetail();
        b.destination.reception.detail.receivedWeight = new BspaohReceptionWasteWeight();
        b.destination.reception.detail.receivedWeight.value = 12.5;
        b.destination.reception.signature = new Signature("Mme Noir", SIGNED);
        byte[] pdf = new BspaohPdfDocument(b, SIGNED).render();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        for (String expected : List.of("BSPAOH", "PAOH-20261207-ABCDEFGHI", "refusé partiellement",
                "Centre hospitalier Saint-Luc", "Crématorium du Parc", "18 01 02", "PAOH-A1", "PAOH-A2",
                "Conditionnement non étanche", "12,5 kg", "par Mme Noir", "Remise au crématorium", "par Paul")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
    }
}
