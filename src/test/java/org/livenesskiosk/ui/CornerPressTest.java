package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The long press on the corner that asks for the operator PIN, without a display. */
class CornerPressTest {

    private final CornerPress press = new CornerPress();

    @Test
    void aStillPressOnTheCornerForThreeSecondsAsksOnce() {
        press.pressed(10, 20, 1_000);
        assertFalse(press.held(1_000 + CornerPress.HOLD_MS - 1), "not a moment before the hold is long enough");
        press.dragged(10 + CornerPress.DRIFT_PX / 2, 20);
        assertTrue(press.held(1_000 + CornerPress.HOLD_MS), "a fingertip rolling a little still holds");
        assertFalse(press.held(1_000 + 2 * CornerPress.HOLD_MS), "holding on does not ask again behind the prompt");
    }

    @Test
    void aPressElsewhereASwipeOrAShortPressNeverAsks() {
        press.pressed(CornerPress.CORNER_PX + 1, 10, 0);
        assertFalse(press.held(10 * CornerPress.HOLD_MS), "outside the corner");

        press.pressed(10, 10, 0);
        press.dragged(10 + CornerPress.DRIFT_PX + 1, 10);
        press.dragged(10, 10);
        assertFalse(press.held(CornerPress.HOLD_MS), "a swipe that started in the corner, even if it came back");

        press.pressed(10, 10, 0);
        press.released();
        assertFalse(press.held(CornerPress.HOLD_MS), "released before the time");
    }

    @Test
    void aNewPressStartsItsOwnTime() {
        press.pressed(10, 10, 0);
        press.released();
        press.pressed(10, 10, 2_000);
        assertFalse(press.held(CornerPress.HOLD_MS), "the earlier press's time does not count");
        assertTrue(press.held(2_000 + CornerPress.HOLD_MS));
    }
}
