package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livenesskiosk.liveness.ActionType;

/** The console's settings are checked before they are kept, without a display: each mistake is named. */
class ConsoleSettingsTest {

    private static final KioskSettings GOOD = KioskSettings.defaults();

    private static KioskSettings with(String serviceUrl, List<ActionType> actions, List<Language> languages) {
        return new KioskSettings(serviceUrl, GOOD.market(), GOOD.applicationId(), GOOD.license(), GOOD.accessKey(),
                GOOD.secretKey(), GOOD.source(), false, actions, GOOD.shuffle(), GOOD.actionTimeLimitSeconds(),
                GOOD.prepareTimeLimitSeconds(), GOOD.level(), languages, GOOD.voice(), GOOD.recordSessions(), GOOD.idleSeconds(),
                GOOD.pinHash(), GOOD.enrollmentCode(), GOOD.resultImageSize(), false, false, GOOD.retries(), "", "");
    }

    @Test
    void theDefaultsAndAStandaloneServiceMayBeKept() {
        assertEquals(List.of(), ConsoleSettings.problems(GOOD));
        assertEquals(List.of(), ConsoleSettings.problems(with("https://liveness.bank.example:8443", GOOD.actions(),
                GOOD.languages())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"liveness.bank.example", "ftp://liveness.bank.example", "http://", "https://exa mple"})
    void aServiceAddressTheClientCannotReachIsNamed(String address) {
        assertEquals(List.of(UiText.CONSOLE_PROBLEM_SERVICE), ConsoleSettings.problems(with(address, GOOD.actions(),
                GOOD.languages())));
    }

    @Test
    void theNoticeIsAWebAddressACustomersPhoneCanOpen() {
        assertEquals(List.of(), ConsoleSettings.problems(GOOD.withNotice("Example Bank", "https://bank.example/privacy")));
        assertEquals(List.of(UiText.CONSOLE_PROBLEM_NOTICE), ConsoleSettings.problems(GOOD.withNotice("Example Bank",
                "bank.example/privacy")));
    }

    @Test
    void noActionIsTheSdksDefaultAndNoLanguageAMistake() {
        assertEquals(List.of(), ConsoleSettings.problems(with("", List.of(), GOOD.languages())));
        assertEquals(List.of(UiText.CONSOLE_PROBLEM_NO_LANGUAGE), ConsoleSettings.problems(with("", List.of(), List.of())));
    }
}
