package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.bsd.core.pdf.TextWrap.Run;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrapping with a monospaced measure: every character is 1 wide, 2 in bold. */
class TextWrapTest {
    private static final TextWrap.Measure MONO = (text, bold) -> text.length() * (bold ? 2f : 1f);

    private static List<String> lines(List<Run> runs, float width) {
        return TextWrap.wrap(runs, width, MONO).stream()
                .map(line -> line.stream().map(Run::text).collect(Collectors.joining()))
                .toList();
    }

    @Test
    void wordsGoOnALineWhileTheyFit() {
        assertEquals(List.of("le déchet est", "accepté en", "totalité"),
                lines(List.of(Run.regular("le déchet est accepté en totalité")), 13));
    }

    @Test
    void spacesBetweenRunsAreKeptAndRunsOfOneWeightMerge() {
        List<List<Run>> wrapped = TextWrap.wrap(List.of(Run.regular("Code : "), Run.bold("06 05 02*")), 100, MONO);
        assertEquals(1, wrapped.size());
        assertEquals(List.of(Run.regular("Code :"), Run.bold(" 06 05 02*")), wrapped.get(0));
        assertEquals(List.of(Run.regular("ab")), TextWrap.wrap(List.of(Run.regular("a"), Run.regular("b")), 100, MONO).get(0));
    }

    @Test
    void boldTextIsMeasuredInBold() {
        assertEquals(List.of("Nom :", "ABC", "DEF"), lines(List.of(Run.regular("Nom : "), Run.bold("ABC DEF")), 8));
    }

    @Test
    void lineBreaksInTheTextAreKept() {
        assertEquals(List.of("a", "", "b"), lines(List.of(Run.regular("a\n\nb")), 10));
        assertEquals(List.of("a"), lines(List.of(Run.regular("a\n")), 10));
    }

    @Test
    void aWordWiderThanTheLineIsCut() {
        assertEquals(List.of("BSD-2026", "1127-ABC", "DEFGHJ"), lines(List.of(Run.regular("BSD-20261127-ABCDEFGHJ")), 8));
        assertEquals(List.of("n° ABCDE", "FGHIJ"), lines(List.of(Run.regular("n° ABCDEFGHIJ")), 8), "what fits stays on the line");
        assertEquals(List.of("a", "b"), lines(List.of(Run.regular("ab")), 0.5f), "at least one character per line");
    }

    @Test
    void noLineIsWiderThanAllowed() {
        String text = "Le transporteur certifie avoir pris en charge le déchet décrit aux cadres 3 à 6, "
                + "conditionné conformément à la réglementation, le 27/11/2026 à 14:05.";
        for (float width = 5; width < 60; width += 7) {
            for (List<Run> line : TextWrap.wrap(List.of(Run.regular(text)), width, MONO)) {
                float w = 0;
                for (Run run : line) {
                    w += MONO.width(run.text(), run.bold());
                }
                assertTrue(w <= width, "line wider than " + width + ": " + line);
            }
        }
    }

    @Test
    void emptyTextIsOneEmptyLine() {
        assertEquals(List.of(""), lines(List.of(Run.regular("")), 10));
        assertEquals(List.of(""), lines(List.of(), 10));
    }
}
