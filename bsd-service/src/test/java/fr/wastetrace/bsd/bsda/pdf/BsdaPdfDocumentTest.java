package fr.wastetrace.bsd.bsda.pdf;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.InitialBsda;
import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.bsd.core.mutation.StatePayloads;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSDA's PDF shows every frame of a filled BSDA, its signatures and the BSDAs it groups. */
class BsdaPdfDocumentTest {

    @Test
    void aFilledBsdaIsDrawnWithItsFramesAndTheBsdasItGroups() throws Exception {
        Bsda b = StatePayloads.filled(Bsda.class);
        b.id = "BSDA-20261207-ABCDEFGHI";
        b.status = BsdaStatus.PROCESSED;
        b.type = BsdaType.GATHERING;
        InitialBsda child = StatePayloads.filled(InitialBsda.class);
        child.id = "BSDA-20261201-CHILD0001";
        b.grouping = List.of(child);
        b.forwarding = null;
        byte[] pdf = new BsdaPdfDocument(b, Instant.parse("2026-12-07T10:00:00Z")).render();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("DÉCHETS D'AMIANTE", "BSDA-20261207-ABCDEFGHI", "1. Maître d'ouvrage",
                    "2. Entreprise de travaux", "3. Déchet", "5. Transporteur n° 1", "6. Installation de destination",
                    "BSDA regroupés", "BSDA-20261201-CHILD0001", "signé le")) {
                assertTrue(text.contains(expected), expected + " missing in:\n" + text);
            }
        }
    }
}
