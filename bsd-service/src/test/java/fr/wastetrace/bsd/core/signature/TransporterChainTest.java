package fr.wastetrace.bsd.core.signature;

import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The multimodal rules of the core, on chains of "signed" / "unsigned" transporters. */
class TransporterChainTest {
    private static boolean signed(String t) {
        return t.startsWith("signed");
    }

    @Test
    void theNextSignatureGoesToTheFirstTransporterThatHasNotSigned() {
        assertEquals(Optional.of(1), TransporterChain.nextToSign(List.of("a", "b"), TransporterChainTest::signed));
        assertEquals(Optional.of(2), TransporterChain.nextToSign(List.of("signed1", "b", "c"), TransporterChainTest::signed));
        assertEquals(Optional.empty(), TransporterChain.nextToSign(List.of("signed1", "signed2"), TransporterChainTest::signed));
    }

    @Test
    void stepsAreNamedLikeTheReference() {
        assertEquals("TRANSPORT", TransporterChain.step(1));
        assertEquals("TRANSPORT_2", TransporterChain.step(2));
        assertEquals("TRANSPORT_5", TransporterChain.step(5));
    }

    @Test
    void trailingUnsignedTransportersAreDropped() {
        assertEquals(List.of("signed1", "signed2"), TransporterChain.withoutTrailingUnsigned(
                List.of("signed1", "signed2", "c", "d"), TransporterChainTest::signed));
        assertEquals(List.of(), TransporterChain.withoutTrailingUnsigned(List.of("a"), TransporterChainTest::signed));
    }

    @Test
    void atMostFiveTransporters() {
        assertDoesNotThrow(() -> TransporterChain.checkSize(5));
        ApiException e = assertThrows(ApiException.class, () -> TransporterChain.checkSize(6));
        assertTrue(e.getMessage().contains("plus de 5 transporteurs"));
    }

    @Test
    void aSignedTransporterStaysInItsRank() {
        assertDoesNotThrow(() -> TransporterChain.checkSignedKept(List.of("t1", "t2"), List.of(true, false),
                List.of("t1", "t3")));
        assertThrows(ApiException.BadUserInput.class, () -> TransporterChain.checkSignedKept(List.of("t1", "t2"),
                List.of(true, false), List.of("t2", "t1")));
        assertThrows(ApiException.BadUserInput.class, () -> TransporterChain.checkSignedKept(List.of("t1"),
                List.of(true), List.of()));
    }
}
