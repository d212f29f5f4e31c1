package org.livenesskiosk.ui;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Where a text's lines break, at a given width, in any of the kiosk's scripts. JavaFX's own
 * wrapping breaks only at spaces and, for complex scripts (Thai, Devanagari), draws the end of a
 * line again at the start of the next; Thai has no spaces between words at all. The line breaks
 * here come from the JDK's line break iterator, which finds Thai words with its dictionary, with
 * two rules of typesetting it lacks: no line starts with punctuation (the Devanagari danda {@code ।},
 * a comma, a full stop) or with the Thai repetition mark {@code ๆ}.
 *
 * <p>A word wider than the line is left whole on a line of its own: it overflows, and the layout
 * test reports it, rather than being cut where a reader would not expect.
 */
final class LineBreaks {

    private static final Locale THAI = Locale.forLanguageTag("th");

    private LineBreaks() {
    }

    /**
     * The lines of {@code text} no wider than {@code width} (where its words allow), each without
     * its trailing spaces. A line feed in the text always ends a line.
     *
     * @param measure the width of a piece of text as it is drawn
     */
    static List<String> lines(String text, double width, ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String piece : pieces(paragraph)) {
                String longer = line + piece;
                if (line.length() > 0 && measure.applyAsDouble(longer.stripTrailing()) > width) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                line.append(piece);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The widest piece that cannot be broken: the narrowest the text can be laid out. */
    static double widestPiece(String text, ToDoubleFunction<String> measure) {
        double widest = 0;
        for (String paragraph : text.split("\n", -1)) {
            for (String piece : pieces(paragraph)) {
                widest = Math.max(widest, measure.applyAsDouble(piece.stripTrailing()));
            }
        }
        return widest;
    }

    /** The pieces between which a line may break, in order; together they are the paragraph. */
    static List<String> pieces(String paragraph) {
        BreakIterator breaks = BreakIterator.getLineInstance(hasThai(paragraph) ? THAI : Locale.ROOT);
        breaks.setText(paragraph);
        List<String> pieces = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = paragraph.substring(start, end);
            if (!pieces.isEmpty() && mayNotStartALine(piece.codePointAt(0))) {
                pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + piece);
            } else {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    private static boolean mayNotStartALine(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint == 'ๆ' || type == Character.OTHER_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    private static boolean hasThai(String text) {
        return text.codePoints().anyMatch(codePoint -> Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.THAI);
    }
}
