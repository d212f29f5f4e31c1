package org.livenesskiosk.ui;

import java.util.List;
import java.util.Optional;

/**
 * The customer's way through the kiosk, as a plain class the window only follows: which screen
 * shows ({@link KioskScreen}), in which language, which session is the current one (so that a late
 * word from a cancelled session is never taken for the current one's), how often this customer
 * has failed (so that "Try again" is offered only so many times), and when a result left alone
 * returns to the welcome screen. Times are given in milliseconds by the caller, so it is
 * tested without a display or a clock.
 */
final class KioskFlow {

    private final Language systemLanguage;
    private List<Language> offered;
    private long idleMs;
    private int retries;
    private int failedTries;
    private KioskScreen screen = KioskScreen.WELCOME;
    private Language language;
    private int session;
    private long lastActivityMs;
    private boolean overlayShown;

    /** @param systemLanguage the language shown until a customer picks one, when the operator offers it */
    KioskFlow(Language systemLanguage, List<Language> offered, int idleSeconds, int retries) {
        this.systemLanguage = systemLanguage;
        offer(offered, idleSeconds, retries);
        language = firstOffered();
    }

    /**
     * The operator's settings: the languages offered (the current one kept while offered), the idle
     * time, and how many times a customer may try again after a failure.
     */
    void offer(List<Language> languages, int idleSeconds, int retriesAllowed) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language is offered");
        }
        offered = List.copyOf(languages);
        idleMs = idleSeconds * 1000L;
        retries = retriesAllowed;
        if (language != null && !offered.contains(language)) {
            language = firstOffered();
        }
    }

    private Language firstOffered() {
        return offered.contains(systemLanguage) ? systemLanguage : offered.get(0);
    }

    /** A customer picks a language; one not offered is refused. */
    void choose(Language chosen) {
        if (!offered.contains(chosen)) {
            throw new IllegalArgumentException(chosen + " is not offered");
        }
        language = chosen;
    }

    /** Start (or Try again): a new session, the current one from now on; its number. */
    int start() {
        screen = KioskScreen.DETECTION;
        return ++session;
    }

    /** Whether a session is the current one: what a session says after it was cancelled or left is ignored. */
    boolean current(int number) {
        return number == session;
    }

    /** The customer is done and the evidence goes to the service; false for a session no longer current. */
    boolean verifying(int number) {
        if (!current(number) || screen != KioskScreen.DETECTION) {
            return false;
        }
        screen = KioskScreen.VERIFYING;
        return true;
    }

    /**
     * The session ended: what the customer is told of it; empty (and nothing changes) for a session
     * no longer current.
     */
    Optional<CustomerResult> finished(int number, long nowMs, KioskOutcome outcome) {
        if (!current(number)) {
            return Optional.empty();
        }
        screen = KioskScreen.RESULT;
        lastActivityMs = nowMs;
        if (!outcome.passed() && !outcome.cancelled()) {
            failedTries++;
        }
        return Optional.of(CustomerResult.of(outcome, failedTries, retries));
    }

    /** Done, or left idle: back to the welcome screen in the kiosk's own language, nothing of the customer kept. */
    void nextCustomer() {
        screen = KioskScreen.WELCOME;
        language = firstOffered();
        failedTries = 0;
        session++;
    }

    /** A key or a touch: someone is still there. */
    void activity(long nowMs) {
        lastActivityMs = nowMs;
    }

    /** The PIN or the console is open (the idle time waits for it), or closed again. */
    void overlay(boolean shown, long nowMs) {
        overlayShown = shown;
        lastActivityMs = nowMs;
    }

    /** Whether a result has been left alone for the idle time, with no operator at the console. */
    boolean idleExpired(long nowMs) {
        return screen == KioskScreen.RESULT && !overlayShown && nowMs - lastActivityMs >= idleMs;
    }

    /** How long a result left alone has until it clears. */
    long idleLeftMs(long nowMs) {
        return Math.max(0, idleMs - (nowMs - lastActivityMs));
    }

    KioskScreen screen() {
        return screen;
    }

    Language language() {
        return language;
    }

    List<Language> offered() {
        return offered;
    }
}
