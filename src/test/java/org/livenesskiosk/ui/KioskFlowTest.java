package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;

/** The customer's way through the kiosk, without a display: screens, language, stale sessions, retries, the idle time. */
class KioskFlowTest {

    private static final KioskOutcome TOO_DARK = KioskOutcome.failed(LivenessError.WEAK_LIGHT, "face too dark");
    private static final KioskOutcome CANCELLED = KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled");

    private final KioskFlow flow = new KioskFlow(Language.THAI, List.of(Language.values()), 30, 2);

    @Test
    void aSessionGoesFromWelcomeThroughDetectionAndVerifyingToItsResult() {
        assertEquals(KioskScreen.WELCOME, flow.screen());
        int session = flow.start();
        assertEquals(KioskScreen.DETECTION, flow.screen());
        assertTrue(flow.verifying(session));
        assertEquals(KioskScreen.VERIFYING, flow.screen());
        assertTrue(flow.finished(session, 0, TOO_DARK).isPresent());
        assertEquals(KioskScreen.RESULT, flow.screen());
        flow.nextCustomer();
        assertEquals(KioskScreen.WELCOME, flow.screen());
    }

    @Test
    void aLateWordFromAnEarlierSessionChangesNothing() {
        int cancelled = flow.start();
        assertTrue(flow.finished(cancelled, 0, CANCELLED).isPresent());
        int retried = flow.start();
        assertFalse(flow.verifying(cancelled));
        assertFalse(flow.finished(cancelled, 0, CANCELLED).isPresent());
        assertEquals(KioskScreen.DETECTION, flow.screen());
        assertTrue(flow.current(retried));
        flow.nextCustomer();
        assertFalse(flow.finished(retried, 0, TOO_DARK).isPresent(), "a session left behind when the customer went is over");
    }

    @Test
    void theKiosksLanguageComesBackForTheNextCustomerAndOnlyOfferedLanguagesAreChosen() {
        assertEquals(Language.THAI, flow.language());
        flow.choose(Language.HINDI);
        flow.nextCustomer();
        assertEquals(Language.THAI, flow.language());
        flow.offer(List.of(Language.ENGLISH, Language.CHINESE), 30, 2);
        assertEquals(Language.ENGLISH, flow.language(), "the system's language is no longer offered");
        assertThrows(IllegalArgumentException.class, () -> flow.choose(Language.THAI));
    }

    @Test
    void aResultLeftAloneForTheIdleTimeGoesBackButNotWhileSomeoneTouchesItOrTheConsoleIsOpen() {
        int session = flow.start();
        assertFalse(flow.idleExpired(1_000_000), "only a result times out");
        flow.finished(session, 1_000, TOO_DARK);
        assertEquals(30_000, flow.idleLeftMs(1_000), "the countdown starts at the idle time");
        assertEquals(1, flow.idleLeftMs(30_999));
        assertFalse(flow.idleExpired(30_999));
        assertTrue(flow.idleExpired(31_000));
        flow.activity(20_000);
        assertFalse(flow.idleExpired(49_999));
        flow.overlay(true, 50_000);
        assertFalse(flow.idleExpired(500_000), "the operator is at the console");
        flow.overlay(false, 500_000);
        assertTrue(flow.idleExpired(530_000));
    }

    @Test
    void aCustomerMayTryAgainAsOftenAsTheSettingSaysThenIsSentToStaffAndTheNextCustomerStartsAfresh() {
        for (int retry = 1; retry <= 2; retry++) {
            CustomerResult told = flow.finished(flow.start(), 0, TOO_DARK).orElseThrow();
            assertTrue(told.retry(), "retry " + retry + " of 2");
        }
        CustomerResult third = flow.finished(flow.start(), 0, TOO_DARK).orElseThrow();
        assertFalse(third.retry());
        assertTrue(third.askStaff());
        assertEquals(Optional.of(Prompt.MORE_LIGHT), third.tip(), "the tip stays");

        flow.nextCustomer();
        assertTrue(flow.finished(flow.start(), 0, TOO_DARK).orElseThrow().retry(), "a new customer has their own tries");
    }

    @Test
    void cancellingIsNotAFailedTry() {
        flow.finished(flow.start(), 0, TOO_DARK);
        flow.finished(flow.start(), 0, CANCELLED);
        flow.finished(flow.start(), 0, CANCELLED);
        assertTrue(flow.finished(flow.start(), 0, TOO_DARK).orElseThrow().retry(), "two failures, two retries allowed");
    }
}
