package fr.wastetrace.bsd.core.signature.chain;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident chain of a BSD's signatures (table {@code bsd_signature_link}, V16): each signature adds a link
 * in the signing transaction, with the canonical content of the BSD as the store writes it at that moment, its
 * SHA-256, and the link's hash chained to the previous link's ({@link ChainHash}). The BSD's row is locked by the
 * mutation, so positions follow each other without gaps.
 */
@ApplicationScoped
public class SignatureChain {
    private final Jdbc jdbc;

    @Inject
    public SignatureChain(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the link of {@code mark} to the chain of {@code bsdId}, {@code state} being the BSD's state as written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String bsdType, String bsdId, SignatureMark mark, String subject, JsonNode state) {
        Optional<ChainHash.Link> last = links(bsdId).stream().reduce((first, second) -> second);
        String previous = last.map(ChainHash.Link::hash).orElse(ChainHash.GENESIS);
        int position = last.map(l -> l.position() + 1).orElse(1);
        String content = ChainHash.canonicalJson(state);
        String contentHash = ChainHash.sha256(content);
        Instant signedAt = ChainHash.precision(mark.signedAt());
        String hash = ChainHash.linkHash(previous, contentHash, mark.signatureType(), signedAt, mark.author(), subject,
                mark.orgId());
        jdbc.update("insert into bsd_signature_link (bsd_id, bsd_type, position, signature_type, signed_at, author, "
                        + "subject, org_id, previous_hash, content_hash, hash, content) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(bsdId, bsdType, position, mark.signatureType(), Timestamp.from(signedAt),
                        orEmpty(mark.author()), orEmpty(subject), orEmpty(mark.orgId()), previous, contentHash,
                        hash, content));
    }

    /** The links of a BSD, in order. */
    public List<ChainHash.Link> links(String bsdId) {
        return jdbc.query("select position, signature_type, signed_at, author, subject, org_id, previous_hash, "
                        + "content_hash, hash, content from bsd_signature_link where bsd_id = ? order by position",
                List.of(bsdId), rs -> new ChainHash.Link(rs.getInt(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
    }

    /** The hash of the BSD's last signature, if it has any. */
    public Optional<String> lastHash(String bsdId) {
        return jdbc.query("select hash from bsd_signature_link where bsd_id = ? order by position desc limit 1",
                List.of(bsdId), rs -> rs.getString(1)).stream().findFirst();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
