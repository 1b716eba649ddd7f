package fr.wastetrace.bsd.core.signature.chain;

import java.time.Instant;

/**
 * A signature a mutation records ({@code Mutation#signed}): the signature type as the type's API names it, when it
 * was signed, the author's name as written on the BSD and the org id signed for.
 */
public record SignatureMark(String signatureType, Instant signedAt, String author, String orgId) {
}
