package fr.wastetrace.company.directory;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SireneNoticeTest {
    private static final String SIRET = "92000000100015";

    @Test
    void readsTheEstablishmentFromTheNotice() throws Exception {
        SireneNotice.Data data = SireneNotice.read(NoticePdf.valid(SIRET));
        assertEquals(SIRET, data.siret());
        assertEquals("DECHETS DISCRETS SARL", data.name());
        assertEquals("38.12Z", data.naf());
        assertEquals("4 BOULEVARD PASTEUR 44100 NANTES", data.address());
        assertEquals(LocalDate.now().minusDays(3), data.issuedOn());
        assertFalse(data.closed());
    }

    @Test
    void tellsAClosedEstablishment() throws Exception {
        byte[] pdf = NoticePdf.build(SireneNotice.TITLE, SireneNotice.AUTHOR,
                NoticePdf.lines(SIRET, LocalDate.now(), "Établissement fermé depuis le 31/12/2024"));
        assertTrue(SireneNotice.read(pdf).closed());
    }

    @Test
    void refusesDocumentsThatAreNotInseeNotices() throws Exception {
        byte[] otherTitle = NoticePdf.build("Facture", SireneNotice.AUTHOR, NoticePdf.lines(SIRET, LocalDate.now(), "x"));
        assertThrows(SireneNotice.InvalidNotice.class, () -> SireneNotice.read(otherTitle));
        assertThrows(SireneNotice.InvalidNotice.class, () -> SireneNotice.read("not a pdf".getBytes()));
        byte[] wrongKey = NoticePdf.build(SireneNotice.TITLE, SireneNotice.AUTHOR,
                NoticePdf.lines("92000000100016", LocalDate.now(), "x"));
        assertThrows(SireneNotice.InvalidNotice.class, () -> SireneNotice.read(wrongKey));
    }
}
