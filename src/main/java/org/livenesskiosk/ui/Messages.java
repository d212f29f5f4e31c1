package org.livenesskiosk.ui;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Optional;
import java.util.ResourceBundle;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.KioskCode;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;

/**
 * Every text of one language, from the bundles in {@code i18n/}. Each language stands on its own:
 * a missing key is a build failure (MessagesTest), never a silent fall-back to another language.
 */
public final class Messages {

    private static final String BUNDLE = "i18n.messages";

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Language language) {
        return new Messages(language);
    }

    public Language language() {
        return language;
    }

    /** The language's own name, in its own script: what the language choice shows. */
    public String languageName() {
        return text("language.name");
    }

    public String prompt(Prompt prompt) {
        return text(prompt.key());
    }

    /** An action's short name, as the operator console lists it. */
    public String action(ActionType action) {
        return text("action." + action.name());
    }

    /** The operator's one-line explanation of an error code. */
    public String explanation(LivenessError error) {
        return text("error." + error.name() + ".explanation");
    }

    /** What the operator can do about an error code. */
    public String wayOut(LivenessError error) {
        return text("error." + error.name() + ".wayOut");
    }

    /**
     * The explanation of a session that ended with {@code error} and {@code detail}: the kiosk's own
     * code leading the detail ({@code KIOSK_DISK_FULL: …} under {@code UNDEFINED}) has its own words,
     * for the operator must not read "the service reported" of the kiosk's own disk.
     */
    public String explanation(LivenessError error, String detail) {
        return kioskCode(error, detail).map(code -> text("kiosk." + code + ".explanation")).orElseGet(() -> explanation(error));
    }

    /** What the operator can do about a session that ended with {@code error} and {@code detail}. */
    public String wayOut(LivenessError error, String detail) {
        return kioskCode(error, detail).map(code -> text("kiosk." + code + ".wayOut")).orElseGet(() -> wayOut(error));
    }

    /** The kiosk's own code an {@code UNDEFINED} detail starts with ("CODE: words"). */
    private static Optional<KioskCode> kioskCode(LivenessError error, String detail) {
        return error != LivenessError.UNDEFINED ? Optional.empty()
                : Arrays.stream(KioskCode.values()).filter(code -> detail.startsWith(code + ":")).findFirst();
    }

    /** A moment as this language writes dates and times (never the US way for everyone), in the kiosk's time zone. */
    public String dateTime(Instant moment) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(language.locale())
                .withZone(ZoneId.systemDefault()).format(moment);
    }

    /** A label of the screens or the console, with its {@code {0}}… filled in, formatted for the language. */
    public String text(UiText text, Object... arguments) {
        String pattern = text(text.key());
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
    }

    String text(String key) {
        return bundle.getString(key);
    }

    ResourceBundle bundle() {
        return bundle;
    }
}
