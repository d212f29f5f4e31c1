package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Where lines break, with every character one unit wide (no display needed): Thai between its
 * words though it has no spaces, never inside a word, never before a danda, a comma or the Thai
 * repetition mark, and every character drawn exactly once.
 */
class LineBreaksTest {

    private static List<String> lines(String text, double width) {
        return LineBreaks.lines(text, width, String::length);
    }

    @Test
    void thaiBreaksBetweenItsWordsThoughItHasNoSpaces() {
        String thai = "กรุณาหันศีรษะไปด้านหนึ่งแล้วหันกลับ";
        List<String> lines = lines(thai, 12);
        assertTrue(lines.size() > 1, lines.toString());
        assertEquals(thai, String.join("", lines), "every character once, none repeated");
        assertTrue(lines.stream().allMatch(line -> line.length() <= 12), lines.toString());
        assertTrue(lines.get(0).startsWith("กรุณา"), "the dictionary keeps กรุณา whole: " + lines);
        assertFalse(lines.get(0).endsWith("กรุ"), lines.toString());
    }

    @Test
    void theThaiRepetitionMarkNeverStartsALine() {
        List<String> lines = lines("ง่าย ๆ ไม่กี่ข้อ", 5);
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("ๆ")), lines.toString());
    }

    @Test
    void aDandaOrACommaStaysWithTheWordBeforeIt() {
        assertTrue(lines("रिकॉर्ड करता है। आपके चेहरे", 11).stream().noneMatch(line -> line.startsWith("।")));
        List<String> chinese = lines("为确认是您本人亲自在场，在您按照", 5);
        assertEquals(List.of("为确认是您", "本人亲自在", "场，在您按", "照"), chinese, "between any two characters, not before the comma");
    }

    @Test
    void spacesEndLinesButAreNotDrawnAtTheirEnd() {
        assertEquals(List.of("Please open", "your mouth"), lines("Please open your mouth", 11));
    }

    @Test
    void aWordTooLongForTheLineStaysWholeOnItsOwnLine() {
        assertEquals(List.of("a", "Donaudampfschiff", "b"), lines("a Donaudampfschiff b", 6));
        assertEquals(16, LineBreaks.widestPiece("a Donaudampfschiff b", String::length));
    }

    @Test
    void aLineFeedAlwaysEndsALine() {
        assertEquals(List.of("one", "two three"), lines("one\ntwo three", 40));
    }
}
