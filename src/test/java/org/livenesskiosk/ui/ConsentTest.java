package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The consent states the service's own numbers and the operator's bank and notice, in every
 * language, without a display: change a setting, and the words change with it.
 */
class ConsentTest {

    private static final KioskSettings EXAMPLE = KioskSettings.defaults().withNotice("Example Bank",
            "https://bank.example/privacy/");

    private static Optional<KioskBackend.DataKept> kept(int retentionDays, int replayWindowDays) {
        return Optional.of(new KioskBackend.DataKept(OptionalInt.of(retentionDays), replayWindowDays));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theNumbersShownAreTheServicesOwn(Language language) {
        Messages messages = Messages.of(language);
        String fortnight = Consent.kept(messages, EXAMPLE, kept(14, 30));
        assertTrue(fortnight.contains("14") && fortnight.contains("30"), fortnight);

        String longer = Consent.kept(messages, EXAMPLE, kept(90, 45));
        assertTrue(longer.contains("90") && longer.contains("45"), longer);
        assertFalse(longer.contains("14") || longer.contains("30"), "no number of the earlier settings stays: " + longer);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void withoutARetentionTheImagesStayUntilTheBankDeletesTheResult(Language language) {
        Messages messages = Messages.of(language);
        String untilDeleted = Consent.kept(messages, EXAMPLE, Optional.of(new KioskBackend.DataKept(OptionalInt.empty(), 30)));
        assertTrue(untilDeleted.contains("30") && untilDeleted.contains("Example Bank"), untilDeleted);
        assertEquals(messages.text(UiText.WELCOME_KEPT_UNTIL_DELETED, "Example Bank", 30), untilDeleted);

        String unknown = Consent.kept(messages, EXAMPLE, Optional.empty());
        assertFalse(unknown.matches("(?s).*\\d.*"), "a service that has not said gets no number of the kiosk's own: " + unknown);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theBankIsNamedAndItsNoticeLinked(Language language) {
        Messages messages = Messages.of(language);
        assertTrue(Consent.captured(messages, EXAMPLE).contains("Example Bank"));
        String notice = Consent.notice(messages, EXAMPLE);
        assertTrue(notice.contains("bank.example/privacy") && notice.contains("Example Bank"), notice);
        assertTrue(notice.endsWith(messages.text(UiText.WELCOME_DECLINE)), "No thanks is always offered: " + notice);

        KioskSettings unnamed = KioskSettings.defaults();
        String theBank = messages.text(UiText.WELCOME_THE_BANK);
        assertTrue(Consent.captured(messages, unnamed).contains(theBank));
        assertEquals(messages.text(UiText.WELCOME_NOTICE_STAFF, theBank) + " " + messages.text(UiText.WELCOME_DECLINE),
                Consent.notice(messages, unnamed), "without an address, staff show the notice");
        assertNotEquals(Consent.notice(messages, unnamed), notice);
    }

    /** The operator's session recording stays on the kiosk: while it is on, the consent says for how long. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theKiosksOwnRecordingIsStatedWhileItIsOn(Language language) {
        Messages messages = Messages.of(language);
        KioskSettings recording = new KioskSettings(EXAMPLE.serviceUrl(), EXAMPLE.market(), EXAMPLE.applicationId(),
                EXAMPLE.license(), EXAMPLE.accessKey(), EXAMPLE.secretKey(), EXAMPLE.source(), EXAMPLE.challengeFromService(),
                EXAMPLE.actions(), EXAMPLE.shuffle(), EXAMPLE.actionTimeLimitSeconds(), EXAMPLE.prepareTimeLimitSeconds(),
                EXAMPLE.level(), EXAMPLE.languages(), EXAMPLE.voice(), true, EXAMPLE.idleSeconds(), EXAMPLE.pinHash(),
                EXAMPLE.enrollmentCode(), EXAMPLE.resultImageSize(), EXAMPLE.highContrast(), EXAMPLE.largerText(), EXAMPLE.retries(),
                EXAMPLE.bankName(), EXAMPLE.noticeUrl());
        String recorded = messages.text(UiText.WELCOME_RECORDED, KioskSettings.RECORDING_DAYS);
        assertTrue(recorded.contains(String.valueOf(KioskSettings.RECORDING_DAYS)), recorded);
        assertTrue(Consent.captured(messages, recording).endsWith(recorded));
        assertFalse(Consent.captured(messages, EXAMPLE).contains(recorded), "no recording, no word of one");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void oneDayIsWrittenAsOneDay(Language language) {
        String text = Consent.kept(Messages.of(language), EXAMPLE, kept(1, 30));
        assertTrue(text.contains("1") && !text.contains("1 days"), text);
    }

    @Test
    void theShortLinkIsWhatACustomerTypes() {
        assertEquals(Optional.of("bank.example/privacy"), Consent.shortLink(EXAMPLE));
        assertEquals(Optional.empty(), Consent.shortLink(KioskSettings.defaults()));
    }
}
