package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The customer's way through the kiosk, without a display: screens, language, stale sessions, the idle time. */
class KioskFlowTest {

    private final KioskFlow flow = new KioskFlow(Language.THAI, List.of(Language.values()), 30);

    @Test
    void aSessionGoesFromWelcomeThroughDetectionAndVerifyingToItsResult() {
        assertEquals(KioskScreen.WELCOME, flow.screen());
        int session = flow.start();
        assertEquals(KioskScreen.DETECTION, flow.screen());
        assertTrue(flow.verifying(session));
        assertEquals(KioskScreen.VERIFYING, flow.screen());
        assertTrue(flow.finished(session, 0));
        assertEquals(KioskScreen.RESULT, flow.screen());
        flow.nextCustomer();
        assertEquals(KioskScreen.WELCOME, flow.screen());
    }

    @Test
    void aLateWordFromAnEarlierSessionChangesNothing() {
        int cancelled = flow.start();
        assertTrue(flow.finished(cancelled, 0));
        int retried = flow.start();
        assertFalse(flow.verifying(cancelled));
        assertFalse(flow.finished(cancelled, 0));
        assertEquals(KioskScreen.DETECTION, flow.screen());
        assertTrue(flow.current(retried));
        flow.nextCustomer();
        assertFalse(flow.finished(retried, 0), "a session left behind when the customer went is over");
    }

    @Test
    void theKiosksLanguageComesBackForTheNextCustomerAndOnlyOfferedLanguagesAreChosen() {
        assertEquals(Language.THAI, flow.language());
        flow.choose(Language.HINDI);
        flow.nextCustomer();
        assertEquals(Language.THAI, flow.language());
        flow.offer(List.of(Language.ENGLISH, Language.CHINESE), 30);
        assertEquals(Language.ENGLISH, flow.language(), "the system's language is no longer offered");
        assertThrows(IllegalArgumentException.class, () -> flow.choose(Language.THAI));
    }

    @Test
    void aResultLeftAloneForTheIdleTimeGoesBackButNotWhileSomeoneTouchesItOrTheConsoleIsOpen() {
        int session = flow.start();
        assertFalse(flow.idleExpired(1_000_000), "only a result times out");
        flow.finished(session, 1_000);
        assertFalse(flow.idleExpired(30_999));
        assertTrue(flow.idleExpired(31_000));
        flow.activity(20_000);
        assertFalse(flow.idleExpired(49_999));
        flow.overlay(true, 50_000);
        assertFalse(flow.idleExpired(500_000), "the operator is at the console");
        flow.overlay(false, 500_000);
        assertTrue(flow.idleExpired(530_000));
    }
}
