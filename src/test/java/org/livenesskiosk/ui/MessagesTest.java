package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.IdCardCapture;
import org.livenesskiosk.liveness.KioskCode;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;

/** Every text in every language: none missing, none only in some, none unused, each in its own script. */
class MessagesTest {

    /** The keys the product uses: each prompt, action, label, error's explanation and way out, the language's name. */
    private static Set<String> keysInUse() {
        Set<String> keys = new TreeSet<>();
        keys.add("language.name");
        for (Prompt prompt : Prompt.values()) {
            keys.add(prompt.key());
        }
        for (ActionType action : ActionType.values()) {
            keys.add("action." + action.name());
        }
        for (UiText text : UiText.values()) {
            keys.add(text.key());
        }
        for (LivenessError error : LivenessError.values()) {
            keys.add("error." + error.name() + ".explanation");
            keys.add("error." + error.name() + ".wayOut");
        }
        for (KioskCode code : KioskCode.values()) {
            keys.add("kiosk." + code + ".explanation");
            keys.add("kiosk." + code + ".wayOut");
        }
        return keys;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasExactlyTheKeysInUse(Language language) {
        Set<String> keys = new TreeSet<>(Messages.of(language).bundle().keySet());
        Set<String> missing = new TreeSet<>(keysInUse());
        missing.removeAll(keys);
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(keysInUse());

        assertTrue(missing.isEmpty(), language + " lacks " + missing);
        assertTrue(unused.isEmpty(), language + " has keys nothing uses: " + unused);
    }

    /** The kiosk's own code under UNDEFINED is explained as the kiosk's, never as "the service reported"; a service's code is not. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theKiosksOwnCodesHaveTheirOwnWordsUnderUndefined(Language language) {
        Messages messages = Messages.of(language);
        String undefined = messages.explanation(LivenessError.UNDEFINED);
        String full = KioskCode.KIOSK_DISK_FULL + ": this kiosk's data disk (/data) has 3 MB free";
        assertEquals(messages.text("kiosk.KIOSK_DISK_FULL.explanation"), messages.explanation(LivenessError.UNDEFINED, full));
        assertEquals(messages.text("kiosk.KIOSK_DISK_FULL.wayOut"), messages.wayOut(LivenessError.UNDEFINED, full));
        assertEquals(messages.text("kiosk.KIOSK_DISK_READ_ONLY.explanation"),
                messages.explanation(LivenessError.UNDEFINED, KioskCode.KIOSK_DISK_READ_ONLY + ": this kiosk's data disk takes no writes"));
        assertEquals(undefined, messages.explanation(LivenessError.UNDEFINED, "KIOSK_DISK_FULLNESS_UNKNOWN: a service's own code"));
        assertEquals(messages.explanation(LivenessError.NO_RESPONSE), messages.explanation(LivenessError.NO_RESPONSE, full));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noTextIsBlankOrLeftInEnglish(Language language) {
        Messages messages = Messages.of(language);
        Messages english = Messages.of(Language.ENGLISH);
        for (String key : keysInUse()) {
            String text = messages.text(key);
            assertFalse(text.isBlank(), language + " " + key);
            if (language != Language.ENGLISH && !key.equals("error.MODEL_ERROR.wayOut")) {
                assertFalse(text.equals(english.text(key)), language + " " + key + " is still English");
            }
        }
    }

    /** Each language is written in its own script: a file saved in the wrong encoding shows here. */
    @ParameterizedTest
    @CsvSource({"CHINESE, 4E00, 9FFF", "HINDI, 0900, 097F", "THAI, 0E00, 0E7F"})
    void promptsAreInTheLanguagesOwnScript(Language language, String first, String last) {
        int from = Integer.parseInt(first, 16);
        int to = Integer.parseInt(last, 16);
        for (Prompt prompt : Prompt.values()) {
            String text = Messages.of(language).prompt(prompt);
            assertTrue(text.codePoints().anyMatch(c -> c >= from && c <= to), language + ": " + text);
        }
    }

    @Test
    void eachLanguageNamesItselfDifferently() {
        Set<String> names = new HashSet<>();
        for (Language language : Language.values()) {
            names.add(Messages.of(language).languageName());
        }
        assertEquals(Language.values().length, names.size());
    }

    @ParameterizedTest
    @CsvSource({"CHINESE, 2026年11月", "ENGLISH, Nov", "INDONESIAN, Nov", "VIETNAMESE, thg 11", "HINDI, नव॰", "THAI, พ.ย."})
    void datesAreWrittenAsEachLanguageWritesThem(Language language, String month) {
        String written = Messages.of(language).dateTime(Instant.parse("2026-11-29T06:24:00Z"));
        assertTrue(written.contains(month), language + ": " + written);
        assertTrue(written.contains("2026") || written.contains("2569"), language + ": " + written);
    }

    @Test
    void theSystemLocaleChoosesTheLanguageAndAnUnknownOneFallsBackToEnglish() {
        assertEquals(Language.THAI, Language.of(Locale.forLanguageTag("th-TH")));
        assertEquals(Language.CHINESE, Language.of(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Language.INDONESIAN, Language.of(Locale.forLanguageTag("id-ID")));
        assertEquals(Language.ENGLISH, Language.of(Locale.GERMANY));
    }

    /** "Check ID photo" tells the customer one thing at a time: no two of its instructions read alike, in any language. */
    @Test
    void eachIdPhotoInstructionHasItsOwnWords() {
        for (Language language : Language.values()) {
            Messages messages = Messages.of(language);
            assertEquals(IdCardCapture.Guidance.values().length, Arrays.stream(IdCardCapture.Guidance.values())
                    .map(guidance -> messages.text(UiText.idPhoto(guidance))).distinct().count(), language.toString());
        }
    }
}
