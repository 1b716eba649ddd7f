package fr.wastetrace.bsd.core.pdf;

import com.google.zxing.common.BitMatrix;
import fr.wastetrace.bsd.core.pdf.TextWrap.Run;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A4 pages filled from top to bottom with rows of framed boxes, section banners and tables. A row that does not fit on
 * what is left of a page starts a new one; a row taller than a whole page goes on over several pages, its frames
 * marked "(suite)".
 */
public final class PdfPages {
    private static final PDRectangle A4 = PDRectangle.A4;
    static final float MARGIN = 28;
    private static final float BOTTOM = MARGIN + 14;
    private static final float SIZE = 7.4f;
    private static final float LEADING = 9.1f;
    private static final float TITLE_SIZE = 7.8f;
    private static final float TITLE_LEADING = 9.6f;
    private static final float PAD = 3.5f;
    /** A banner goes to the next page unless this much of what it introduces fits under it. */
    private static final float KEEP_WITH_BANNER = 120;
    private static final Color TITLE_FILL = new Color(0xE4, 0xE9, 0xF2);
    private static final Color BORDER = new Color(0x33, 0x33, 0x33);

    private final PDDocument document;
    private final PdfFonts fonts;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    public PdfPages(PDDocument document, PdfFonts fonts) throws IOException {
        this.document = document;
        this.fonts = fonts;
        newPage();
    }

    public float width() {
        return A4.getWidth() - 2 * MARGIN;
    }

    public void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(A4);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        content.setLineWidth(0.6f);
        y = A4.getHeight() - MARGIN;
    }

    /** Frames side by side, of equal widths. */
    public void row(Frame... frames) throws IOException {
        float[] weights = new float[frames.length];
        Arrays.fill(weights, 1);
        row(weights, frames);
    }

    /** Frames side by side, widths in proportion to {@code weights}. */
    public void row(float[] weights, Frame... frames) throws IOException {
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        List<Cell> cells = new ArrayList<>();
        float x = MARGIN;
        for (int i = 0; i < frames.length; i++) {
            float w = width() * weights[i] / total;
            cells.add(new Cell(x, w, frames[i]));
            x += w;
        }
        float needed = cells.stream().map(c -> c.height(c.body.size())).max(Float::compare).orElse(0f);
        if (needed > y - BOTTOM && !atTop()) {
            newPage();
        }
        boolean continued = false;
        while (true) {
            int fit = (int) Math.floor((y - BOTTOM - 2 * PAD - TITLE_LEADING - 2) / LEADING);
            final int lines = Math.max(1, fit);
            float height = cells.stream().map(c -> c.height(Math.min(lines, c.remaining()))).max(Float::compare).orElse(0f);
            for (Cell cell : cells) {
                cell.draw(y, height, Math.min(lines, cell.remaining()), continued);
            }
            y -= height;
            if (cells.stream().allMatch(c -> c.remaining() == 0)) {
                return;
            }
            newPage();
            continued = true;
        }
    }

    /** Where the next row starts (points from the bottom of the page). */
    public float top() {
        return y;
    }

    /** The left edge of the part of a row that starts at {@code fraction} of its width. */
    public float left(float fraction) {
        return MARGIN + width() * fraction;
    }

    /**
     * Draws a QR code's dark modules as filled squares, {@code size} points wide, its top-left corner at ({@code x},
     * {@code top}) on the current page (vector drawing: sharp at any zoom, a few hundred bytes).
     */
    public void qrCode(BitMatrix modules, float x, float top, float size) throws IOException {
        float module = size / modules.getWidth();
        content.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < modules.getHeight(); row++) {
            for (int col = 0; col < modules.getWidth(); col++) {
                if (modules.get(col, row)) {
                    content.addRect(x + col * module, top - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }

    /** A section banner across the page, kept with the beginning of its section. */
    public void banner(String text) throws IOException {
        List<List<Run>> lines = TextWrap.wrap(List.of(Run.bold(fonts.drawable(text))), width() - 2 * PAD, measure(TITLE_SIZE));
        float height = 2 * PAD + lines.size() * TITLE_LEADING;
        if (height + KEEP_WITH_BANNER > y - BOTTOM) {
            newPage();
        }
        fill(MARGIN, y - height, width(), height, new Color(0x1E, 0x3A, 0x6E));
        content.setNonStrokingColor(Color.WHITE);
        float top = y - PAD;
        for (List<Run> line : lines) {
            drawLine(line, MARGIN + PAD, top, TITLE_SIZE, TITLE_LEADING);
            top -= TITLE_LEADING;
        }
        content.setNonStrokingColor(Color.BLACK);
        y -= height + 2;
    }

    /** A table with a header row, repeated at the top of each page it runs over. */
    public void table(float[] weights, List<String> headers, List<List<String>> rows) throws IOException {
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = width() * weights[i] / total;
        }
        List<List<List<Run>>> header = wrapCells(headers, widths, true);
        float headerHeight = cellsHeight(header);
        List<List<List<List<Run>>>> body = new ArrayList<>();
        for (List<String> row : rows) {
            body.add(wrapCells(row, widths, false));
        }
        float first = body.isEmpty() ? 0 : cellsHeight(body.get(0));
        if (headerHeight + first > y - BOTTOM) {
            newPage();
        }
        drawCells(header, widths, headerHeight, true);
        for (List<List<List<Run>>> row : body) {
            float height = cellsHeight(row);
            if (height > y - BOTTOM) {
                newPage();
                drawCells(header, widths, headerHeight, true);
            }
            drawCells(row, widths, height, false);
        }
        y -= 2;
    }

    /** Vertical space. */
    public void gap(float points) {
        y -= points;
    }

    /**
     * Ends the document: a footer on every page ({@code footer}, page number and count) and, when {@code stamp} is
     * given, that word across every page.
     */
    public void finish(String footer, String stamp) throws IOException {
        content.close();
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream out = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = out;
                String text = fonts.drawable(footer + " — page " + (i + 1) + "/" + pages.size());
                drawLine(List.of(Run.regular(text)), MARGIN, MARGIN + 6, 6.5f, 8);
                if (stamp != null) {
                    stamp(out, fonts.drawable(stamp));
                }
            }
        }
        content = null;
    }

    private void stamp(PDPageContentStream out, String text) throws IOException {
        float size = 46;
        float textWidth = fonts.width(text, true, size);
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.35f);
        out.saveGraphicsState();
        out.setGraphicsStateParameters(translucent);
        out.setNonStrokingColor(new Color(0xC0, 0x10, 0x10));
        out.beginText();
        out.setFont(fonts.bold, size);
        double angle = Math.toRadians(35);
        float cx = A4.getWidth() / 2;
        float cy = A4.getHeight() / 2;
        out.setTextMatrix(new Matrix((float) Math.cos(angle), (float) Math.sin(angle), (float) -Math.sin(angle),
                (float) Math.cos(angle), cx - (float) Math.cos(angle) * textWidth / 2 + (float) Math.sin(angle) * size / 3,
                cy - (float) Math.sin(angle) * textWidth / 2 - (float) Math.cos(angle) * size / 3));
        out.showText(text);
        out.endText();
        out.restoreGraphicsState();
    }

    private boolean atTop() {
        return y >= A4.getHeight() - MARGIN - 0.01f;
    }

    private TextWrap.Measure measure(float size) {
        return (text, bold) -> fonts.width(text, bold, size);
    }

    private List<List<Run>> wrap(List<Run> runs, float width, float size) {
        List<Run> drawable = runs.stream().map(r -> new Run(fonts.drawable(r.text()), r.bold())).toList();
        return TextWrap.wrap(drawable, width, measure(size));
    }

    private List<List<List<Run>>> wrapCells(List<String> values, float[] widths, boolean bold) {
        List<List<List<Run>>> cells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            String value = i < values.size() && values.get(i) != null ? values.get(i) : "";
            cells.add(wrap(List.of(new Run(value, bold)), widths[i] - 2 * PAD, SIZE));
        }
        return cells;
    }

    private static float cellsHeight(List<List<List<Run>>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return 2 * PAD + lines * LEADING;
    }

    private void drawCells(List<List<List<Run>>> cells, float[] widths, float height, boolean header) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            if (header) {
                fill(x, y - height, widths[i], height, TITLE_FILL);
            }
            border(x, y - height, widths[i], height);
            float top = y - PAD;
            for (List<Run> line : cells.get(i)) {
                drawLine(line, x + PAD, top, SIZE, LEADING);
                top -= LEADING;
            }
            x += widths[i];
        }
        y -= height;
    }

    private void drawLine(List<Run> line, float x, float top, float size, float leading) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        content.beginText();
        content.newLineAtOffset(x, top - leading + (leading - size) / 2 + size * 0.22f);
        for (Run run : line) {
            content.setFont(fonts.of(run.bold()), size);
            content.showText(run.text());
        }
        content.endText();
    }

    private void fill(float x, float bottom, float w, float h, Color color) throws IOException {
        content.setNonStrokingColor(color);
        content.addRect(x, bottom, w, h);
        content.fill();
        content.setNonStrokingColor(Color.BLACK);
    }

    private void border(float x, float bottom, float w, float h) throws IOException {
        content.setStrokingColor(BORDER);
        content.addRect(x, bottom, w, h);
        content.stroke();
    }

    /** A frame placed in a row: its wrapped title and body lines, drawn page after page. */
    private final class Cell {
        private final float x;
        private final float width;
        private final List<List<Run>> title;
        private final List<List<Run>> continuedTitle;
        private final List<List<Run>> body = new ArrayList<>();
        private int drawn;

        Cell(float x, float width, Frame frame) {
            this.x = x;
            this.width = width;
            float inner = width - 2 * PAD;
            this.title = frame.title == null ? List.of() : wrap(List.of(Run.bold(frame.title)), inner, TITLE_SIZE);
            List<List<Run>> suite = frame.title == null ? List.of()
                    : wrap(List.of(Run.bold(frame.title + " (suite)")), inner, TITLE_SIZE);
            this.continuedTitle = suite.size() == title.size() ? suite : title;
            for (List<Run> paragraph : frame.paragraphs) {
                body.addAll(wrap(paragraph, inner, SIZE));
            }
        }

        int remaining() {
            return body.size() - drawn;
        }

        float height(int lines) {
            float titleHeight = title.size() * TITLE_LEADING;
            return 2 * PAD + titleHeight + (title.isEmpty() || lines == 0 ? 0 : 2) + lines * LEADING;
        }

        void draw(float top, float height, int lines, boolean continued) throws IOException {
            float titleHeight = title.size() * TITLE_LEADING;
            if (!title.isEmpty()) {
                fill(x, top - PAD - titleHeight - 1, width, PAD + titleHeight + 1, TITLE_FILL);
            }
            border(x, top - height, width, height);
            float lineTop = top - PAD;
            for (List<Run> line : continued ? continuedTitle : title) {
                drawLine(line, x + PAD, lineTop, TITLE_SIZE, TITLE_LEADING);
                lineTop -= TITLE_LEADING;
            }
            lineTop -= title.isEmpty() ? 0 : 2;
            for (int i = 0; i < lines; i++) {
                drawLine(body.get(drawn + i), x + PAD, lineTop, SIZE, LEADING);
                lineTop -= LEADING;
            }
            drawn += lines;
        }
    }
}
