package fr.wastetrace.bsd.core.signature.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The arithmetic of the signature chain, with no storage: the canonical JSON of a BSD's state (object keys sorted,
 * no spaces, as Jackson writes values), its SHA-256, the hash of a link (SHA-256 over the previous link's hash, the
 * content hash, the signature type, the signing date, the author, the signer's subject and org id, one per line) and
 * the verification of a whole chain, whose first link chains to {@link #GENESIS}.
 */
public final class ChainHash {
    /** The "previous hash" of the first signature of every BSD: SHA-256 of a fixed text. */
    public static final String GENESIS = sha256("wastetrace signature chain v1");

    private ChainHash() {
    }

    /** The BSD's state as one canonical text: object keys sorted at every level, no whitespace. */
    public static String canonicalJson(JsonNode state) {
        try {
            return EventCodec.mapper().writeValueAsString(sorted(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a BSD state that cannot be written as JSON", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), sorted(f.getValue())));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** Signing dates are kept to the microsecond, the precision of the database, so that a stored link re-hashes. */
    public static Instant precision(Instant signedAt) {
        return signedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The hash of a link from its parts. */
    public static String linkHash(String previousHash, String contentHash, String signatureType, Instant signedAt,
                                  String author, String subject, String orgId) {
        return sha256(String.join("\n", previousHash, contentHash, signatureType, precision(signedAt).toString(),
                Objects.toString(author, ""), Objects.toString(subject, ""), Objects.toString(orgId, "")));
    }

    /** A stored link as verification reads it ({@code content} may be absent when not kept). */
    public record Link(int position, String signatureType, Instant signedAt, String author, String subject,
                       String orgId, String previousHash, String contentHash, String hash, String content) {

        /** Why this link does not verify after {@code expectedPrevious}, if it does not. */
        public Optional<String> problem(String expectedPrevious) {
            if (!previousHash.equals(expectedPrevious)) {
                return Optional.of("previousHash");
            }
            if (content != null && !sha256(content).equals(contentHash)) {
                return Optional.of("contentHash");
            }
            if (!linkHash(previousHash, contentHash, signatureType, signedAt, author, subject, orgId).equals(hash)) {
                return Optional.of("hash");
            }
            return Optional.empty();
        }
    }

    /**
     * The outcome of a verification: each link's problem, if any, in order, and the position of the first link that
     * does not verify (empty when the chain is valid).
     */
    public record Verdict(List<Optional<String>> problems, Optional<Integer> firstBroken) {
        public boolean valid() {
            return firstBroken.isEmpty();
        }
    }

    /** Checks every link against the previous one's stored hash (the first against {@link #GENESIS}). */
    public static Verdict verify(List<Link> links) {
        List<Optional<String>> problems = new ArrayList<>();
        Optional<Integer> firstBroken = Optional.empty();
        String previous = GENESIS;
        for (Link link : links) {
            Optional<String> problem = link.problem(previous);
            problems.add(problem);
            if (problem.isPresent() && firstBroken.isEmpty()) {
                firstBroken = Optional.of(link.position());
            }
            previous = link.hash();
        }
        return new Verdict(problems, firstBroken);
    }
}
