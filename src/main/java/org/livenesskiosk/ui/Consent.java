package org.livenesskiosk.ui;

import java.util.Optional;

/**
 * What the consent says, in the customer's language: who receives the face (the bank the operator
 * names), how long the service keeps what (its own numbers, never ones written here), and where the
 * bank's full notice is. A plain class the welcome screen only shows, so that the numbers a
 * customer reads are tested against the settings they come from.
 */
final class Consent {

    private Consent() {
    }

    /** What is captured, what is sent and who receives it; and the kiosk's own recording, while the operator has it on. */
    static String captured(Messages messages, KioskSettings settings) {
        String captured = messages.text(UiText.WELCOME_CONSENT, bank(messages, settings));
        return settings.recordSessions() ? captured + " " + messages.text(UiText.WELCOME_RECORDED, KioskSettings.RECORDING_DAYS)
                : captured;
    }

    /**
     * How long the service keeps the result, the images and the face's digital summary. Before the
     * service has said, the consent promises no number: it points to the bank's rules instead.
     */
    static String kept(Messages messages, KioskSettings settings, Optional<KioskBackend.DataKept> kept) {
        String bank = bank(messages, settings);
        return kept.map(numbers -> numbers.retentionDays().isPresent()
                        ? messages.text(UiText.WELCOME_KEPT_DAYS, bank, numbers.retentionDays().getAsInt(), numbers.replayWindowDays())
                        : messages.text(UiText.WELCOME_KEPT_UNTIL_DELETED, bank, numbers.replayWindowDays()))
                .orElseGet(() -> messages.text(UiText.WELCOME_KEPT_UNKNOWN, bank));
    }

    /** Where the full notice is: its short link (beside its QR code), or a member of staff; then how to decline. */
    static String notice(Messages messages, KioskSettings settings) {
        String bank = bank(messages, settings);
        return shortLink(settings).map(link -> messages.text(UiText.WELCOME_NOTICE_LINK, link, bank))
                .orElseGet(() -> messages.text(UiText.WELCOME_NOTICE_STAFF, bank))
                + " " + messages.text(UiText.WELCOME_DECLINE);
    }

    /** The notice's address as a customer types it into a phone: without its scheme or a trailing slash. */
    static Optional<String> shortLink(KioskSettings settings) {
        return Optional.of(settings.noticeUrl()).filter(url -> !url.isEmpty())
                .map(url -> url.replaceFirst("^https?://", "").replaceFirst("/$", ""));
    }

    private static String bank(Messages messages, KioskSettings settings) {
        return settings.bankName().isEmpty() ? messages.text(UiText.WELCOME_THE_BANK) : settings.bankName();
    }
}
