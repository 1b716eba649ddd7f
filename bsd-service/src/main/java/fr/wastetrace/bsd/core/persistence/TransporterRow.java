package fr.wastetrace.bsd.core.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A transporter of a multimodal type (table {@code bsd_transporter}), as created by {@code create<Type>Transporter}
 * before it is attached to a BSD. Once attached, the BSD's document holds it and the store keeps the row in step.
 *
 * @param bsdId  the BSD it is attached to, or null
 * @param number its rank in the BSD's chain (1 to 5), 0 when not attached
 * @param data   the transporter as its GraphQL type (with its {@code id})
 */
public record TransporterRow(String id, String bsdType, String bsdId, int number, Instant createdAt, ObjectNode data) {
}
