package fr.wastetrace.bsd.core.signature.chain;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainHashTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:15:30.123456789Z");

    private static JsonNode json(String text) throws Exception {
        return EventCodec.mapper().readTree(text);
    }

    @Test
    void theCanonicalJsonSortsKeysAtEveryLevelAndKeepsArrayOrder() throws Exception {
        String a = ChainHash.canonicalJson(json("{\"b\": 1, \"a\": {\"y\": [3, {\"d\": 1, \"c\": 2}], \"x\": null}}"));
        String b = ChainHash.canonicalJson(json("{\"a\": {\"x\": null, \"y\": [3, {\"c\": 2, \"d\": 1}]}, \"b\": 1}"));
        assertEquals("{\"a\":{\"x\":null,\"y\":[3,{\"c\":2,\"d\":1}]},\"b\":1}", a);
        assertEquals(a, b);
        assertNotEquals(a, ChainHash.canonicalJson(json("{\"a\": {\"x\": null, \"y\": [{\"c\": 2, \"d\": 1}, 3]}, "
                + "\"b\": 1}")), "array order is content");
    }

    @Test
    void sha256IsTheKnownDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ChainHash.sha256("abc"));
        assertEquals(64, ChainHash.GENESIS.length());
    }

    /** A chain of {@code contents.size()} links as {@link SignatureChain#append} writes them. */
    private static List<ChainHash.Link> chain(List<String> contents) {
        List<ChainHash.Link> links = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (int i = 0; i < contents.size(); i++) {
            String contentHash = ChainHash.sha256(contents.get(i));
            Instant at = ChainHash.precision(AT.plusSeconds(i));
            String hash = ChainHash.linkHash(previous, contentHash, "STEP" + i, at, "Author " + i, "sub-" + i, "ORG");
            links.add(new ChainHash.Link(i + 1, "STEP" + i, at, "Author " + i, "sub-" + i, "ORG", previous, contentHash,
                    hash, contents.get(i)));
            previous = hash;
        }
        return links;
    }

    @Test
    void aChainBuiltLinkByLinkVerifies() {
        ChainHash.Verdict verdict = ChainHash.verify(chain(List.of("{\"v\":1}", "{\"v\":2}", "{\"v\":3}")));
        assertTrue(verdict.valid());
        assertEquals(Optional.empty(), verdict.firstBroken());
        assertTrue(ChainHash.verify(List.of()).valid(), "no signature, nothing to break");
    }

    @Test
    void eachPartOfALinkIsInItsHash() {
        String base = ChainHash.linkHash("p", "c", "EMISSION", AT, "A", "s", "O");
        assertNotEquals(base, ChainHash.linkHash("q", "c", "EMISSION", AT, "A", "s", "O"));
        assertNotEquals(base, ChainHash.linkHash("p", "d", "EMISSION", AT, "A", "s", "O"));
        assertNotEquals(base, ChainHash.linkHash("p", "c", "TRANSPORT", AT, "A", "s", "O"));
        assertNotEquals(base, ChainHash.linkHash("p", "c", "EMISSION", AT.plusMillis(1), "A", "s", "O"));
        assertNotEquals(base, ChainHash.linkHash("p", "c", "EMISSION", AT, "B", "s", "O"));
        assertNotEquals(base, ChainHash.linkHash("p", "c", "EMISSION", AT, "A", "t", "O"));
        assertNotEquals(base, ChainHash.linkHash("p", "c", "EMISSION", AT, "A", "s", "P"));
        assertEquals(base, ChainHash.linkHash("p", "c", "EMISSION", ChainHash.precision(AT), "A", "s", "O"),
                "dates are hashed to the microsecond the database keeps");
    }

    @Test
    void aChangedContentIsTheFirstBrokenLink() {
        List<ChainHash.Link> links = chain(List.of("{\"v\":1}", "{\"v\":2}", "{\"v\":3}"));
        ChainHash.Link second = links.get(1);
        links.set(1, new ChainHash.Link(2, second.signatureType(), second.signedAt(), second.author(),
                second.subject(), second.orgId(), second.previousHash(), second.contentHash(), second.hash(),
                "{\"v\":20}"));
        ChainHash.Verdict verdict = ChainHash.verify(links);
        assertFalse(verdict.valid());
        assertEquals(Optional.of(2), verdict.firstBroken());
        assertEquals(Optional.of("contentHash"), verdict.problems().get(1));
        assertEquals(Optional.empty(), verdict.problems().get(2), "the next link still chains to the stored hash");
    }

    @Test
    void aRewrittenAuthorOrARemovedLinkBreaksTheChain() {
        List<ChainHash.Link> links = chain(List.of("{\"v\":1}", "{\"v\":2}", "{\"v\":3}"));
        ChainHash.Link first = links.get(0);
        List<ChainHash.Link> rewritten = new ArrayList<>(links);
        rewritten.set(0, new ChainHash.Link(1, first.signatureType(), first.signedAt(), "Someone else",
                first.subject(), first.orgId(), first.previousHash(), first.contentHash(), first.hash(),
                first.content()));
        assertEquals(Optional.of(1), ChainHash.verify(rewritten).firstBroken());
        assertEquals(Optional.of("hash"), ChainHash.verify(rewritten).problems().get(0));

        List<ChainHash.Link> gap = new ArrayList<>(List.of(links.get(0), links.get(2)));
        assertEquals(Optional.of(3), ChainHash.verify(gap).firstBroken(), "the link after a removed one");
        assertEquals(Optional.of("previousHash"), ChainHash.verify(gap).problems().get(1));
    }
}
