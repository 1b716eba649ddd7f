package fr.wastetrace.bsd.bsdasri.pdf;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.InitialBsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.bsd.bsdasri.model.BsdasriType;
import fr.wastetrace.bsd.core.mutation.StatePayloads;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF of a BSDASRI built in memory, every field filled, read back with PDFBox. */
class BsdasriPdfDocumentTest {
    private static final Instant EDITED = Instant.parse("2026-11-27T13:05:00Z");

    @Test
    void theTextShowsEveryFrameAndTheSignatures() throws Exception {
        Bsdasri b = StatePayloads.filled(Bsdasri.class);
        b.id = "DASRI-20261127-ABCDEFGHI";
        b.status = BsdasriStatus.PROCESSED;
        b.type = BsdasriType.SYNTHESIS;
        b.waste.code = "18 01 03*";
        b.waste.adr = "UN3291";
        b.emitter.company.name = "Clinique du Parc";
        b.transporter.company.name = "Transports Dasri";
        b.destination.company.name = "Incinérateur du Sud";
        b.destination.operation.code = "D10";
        b.emitter.emission.signature.author = "Dr Soins";
        b.transporter.transport.signature.author = "Théo";
        b.destination.operation.signature.author = "Denis";
        InitialBsdasri child = b.synthesizing.get(0);
        child.id = "DASRI-20261120-CHILD0001";
        String text = text(new BsdasriPdfDocument(b, EDITED).render());
        for (String expected : List.of("BSDASRI", "DASRI-20261127-ABCDEFGHI", "synthèse", "1. Émetteur",
                "Clinique du Parc", "18 01 03*", "UN3291", "3. Transporteur", "Transports Dasri",
                "4. Installation de destination", "Incinérateur du Sud", "D10", "Dr Soins", "Théo", "Denis",
                "BORDEREAUX ASSOCIÉS À LA SYNTHÈSE", "DASRI-20261120-CHILD0001")) {
            assertTrue(text.contains(expected), "the PDF shows " + expected + " in:\n" + text);
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
