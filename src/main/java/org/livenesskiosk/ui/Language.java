package org.livenesskiosk.ui;

import java.util.Arrays;
import java.util.Locale;

/** The kiosk's six languages. */
public enum Language {
    CHINESE(Locale.forLanguageTag("zh")),
    ENGLISH(Locale.ENGLISH),
    INDONESIAN(Locale.forLanguageTag("id")),
    VIETNAMESE(Locale.forLanguageTag("vi")),
    HINDI(Locale.forLanguageTag("hi")),
    THAI(Locale.forLanguageTag("th"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of a locale (the system's, say), or English when the kiosk does not speak it. */
    public static Language of(Locale locale) {
        return Arrays.stream(values()).filter(language -> language.locale.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(ENGLISH);
    }
}
