package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of one company's register: the document {@code documentId} (a BSD's readable id, or that of its
 * temporary-storage suite) as it appears in {@code register} of the company {@code orgId} (SIRET or VAT number).
 *
 * @param bsdId  the BSD (event aggregate) the line comes from; a BSD gives one document, or two with a suite
 * @param sortAt the register's date key (reception date for INCOMING, taken-over date otherwise), never null
 * @param data   the line's fields, named as {@code AllWaste}'s (each register's type shows a subset)
 */
public record RegisterLine(String documentId, RegisterType register, String orgId, String bsdId, Instant sortAt,
                           ObjectNode data) {

    public RegisterLine {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(bsdId, "bsdId");
        Objects.requireNonNull(sortAt, "sortAt");
        Objects.requireNonNull(data, "data");
    }

    public Key key() {
        return new Key(register, orgId, documentId);
    }

    /** What identifies a line: a document appears at most once in a company's register. */
    public record Key(RegisterType register, String orgId, String documentId) {
    }
}
