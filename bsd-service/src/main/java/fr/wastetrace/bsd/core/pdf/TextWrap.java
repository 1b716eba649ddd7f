package fr.wastetrace.bsd.core.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping of text made of regular and bold runs: words go on a line while they fit, a line break in the
 * text starts a new line, and a word wider than the whole line is cut where it overflows.
 */
final class TextWrap {

    /** A piece of text in one weight. */
    record Run(String text, boolean bold) {
        static Run regular(String text) {
            return new Run(text, false);
        }

        static Run bold(String text) {
            return new Run(text, true);
        }
    }

    /** The width of a text at the size it is drawn. */
    @FunctionalInterface
    interface Measure {
        float width(String text, boolean bold);
    }

    private TextWrap() {
    }

    /** The lines of {@code runs} within {@code maxWidth}; each line is a list of runs (consecutive runs differ in weight). */
    static List<List<Run>> wrap(List<Run> runs, float maxWidth, Measure measure) {
        Lines lines = new Lines(maxWidth, measure);
        for (Run run : runs) {
            String text = run.text();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    lines.breakLine();
                    i++;
                } else if (Character.isWhitespace(c)) {
                    lines.space();
                    i++;
                } else {
                    int end = i;
                    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                        end++;
                    }
                    lines.word(text.substring(i, end), run.bold());
                    i = end;
                }
            }
        }
        return lines.finish();
    }

    private static final class Lines {
        private final float maxWidth;
        private final Measure measure;
        private final List<List<Run>> done = new ArrayList<>();
        private List<Run> line = new ArrayList<>();
        private float width;
        private boolean pendingSpace;

        Lines(float maxWidth, Measure measure) {
            this.maxWidth = maxWidth;
            this.measure = measure;
        }

        void space() {
            pendingSpace = true;
        }

        void breakLine() {
            done.add(line);
            line = new ArrayList<>();
            width = 0;
            pendingSpace = false;
        }

        void word(String word, boolean bold) {
            String spaced = pendingSpace && !line.isEmpty() ? " " + word : word;
            float spacedWidth = measure.width(spaced, bold);
            if (width + spacedWidth <= maxWidth) {
                append(spaced, bold, spacedWidth);
            } else if (!line.isEmpty() && measure.width(word, bold) <= maxWidth) {
                breakLine();
                append(word, bold, measure.width(word, bold));
            } else {
                cut(spaced, bold);
            }
            pendingSpace = false;
        }

        /** A word that does not fit on a line of its own: as many characters as fit, then the rest on the next lines. */
        private void cut(String word, boolean bold) {
            String rest = word;
            while (!rest.isEmpty()) {
                int fit = 0;
                while (fit < rest.length() && width + measure.width(rest.substring(0, fit + 1), bold) <= maxWidth) {
                    fit++;
                }
                if (fit == 0 && line.isEmpty()) {
                    fit = 1;
                }
                if (fit > 0) {
                    String part = rest.substring(0, fit);
                    append(part, bold, measure.width(part, bold));
                    rest = rest.substring(fit);
                }
                if (!rest.isEmpty()) {
                    breakLine();
                    rest = rest.stripLeading();
                }
            }
        }

        private void append(String text, boolean bold, float textWidth) {
            int last = line.size() - 1;
            if (last >= 0 && line.get(last).bold() == bold) {
                line.set(last, new Run(line.get(last).text() + text, bold));
            } else {
                line.add(new Run(text, bold));
            }
            width += textWidth;
        }

        List<List<Run>> finish() {
            if (!line.isEmpty() || done.isEmpty()) {
                done.add(line);
            }
            return done;
        }
    }
}
