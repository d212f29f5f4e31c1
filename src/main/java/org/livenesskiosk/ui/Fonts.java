package org.livenesskiosk.ui;

/**
 * The font family each language is drawn in. JavaFX's default fallback reaches Thai and
 * Devanagari in Debian's Noto fonts, but not the CJK fonts, which come as {@code .ttc}
 * collections: Chinese must name its family or it draws as boxes.
 */
final class Fonts {

    private Fonts() {
    }

    static String family(Language language) {
        return switch (language) {
            case CHINESE -> "Noto Sans CJK SC";
            case HINDI -> "Noto Sans Devanagari";
            case THAI -> "Noto Sans Thai";
            case ENGLISH, INDONESIAN, VIETNAMESE -> "Noto Sans";
        };
    }

    /** A style that sets the language's font on a node and everything in it. */
    static String style(Language language) {
        return "-fx-font-family: '" + family(language) + "';";
    }
}
