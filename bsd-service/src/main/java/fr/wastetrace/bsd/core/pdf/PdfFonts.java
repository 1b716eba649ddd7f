package fr.wastetrace.bsd.core.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The two weights of DejaVu Sans Condensed (resources {@code fonts/}, licence beside them), embedded as subsets in each
 * document so that every reader shows the same glyphs, accents included. The font files are read once per process.
 */
public final class PdfFonts {
    private static final byte[] REGULAR = resource("fonts/DejaVuSansCondensed.ttf");
    private static final byte[] BOLD = resource("fonts/DejaVuSansCondensed-Bold.ttf");
    private static final char REPLACEMENT = '?';

    public final PDFont regular;
    public final PDFont bold;
    private final Map<Integer, Boolean> drawable = new HashMap<>();

    public PdfFonts(PDDocument document) throws IOException {
        this.regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true);
        this.bold = PDType0Font.load(document, new ByteArrayInputStream(BOLD), true);
    }

    public PDFont of(boolean isBold) {
        return isBold ? bold : regular;
    }

    /** Width of {@code text} (already {@linkplain #drawable(String) drawable}) at {@code size} points. */
    public float width(String text, boolean isBold, float size) {
        try {
            return of(isBold).getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text with what the fonts cannot draw replaced: control characters and tabs by a space, characters without a
     * glyph (in both weights) by {@code ?}.
     */
    public String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (drawable.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        String character = new String(Character.toChars(codePoint));
        return hasGlyph(regular, character) && hasGlyph(bold, character);
    }

    /** With Identity-H encoding a character's code is its glyph id; 0 is the "missing glyph" box. */
    private static boolean hasGlyph(PDFont font, String character) {
        try {
            byte[] code = font.encode(character);
            return code.length == 2 && ((code[0] & 0xff) << 8 | code[1] & 0xff) != 0;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing font resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
