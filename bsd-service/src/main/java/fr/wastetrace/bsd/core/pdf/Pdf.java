package fr.wastetrace.bsd.core.pdf;

/** A produced PDF and the name to download it under. */
public record Pdf(String fileName, byte[] content) {
}
