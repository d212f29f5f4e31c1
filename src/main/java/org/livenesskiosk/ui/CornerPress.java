package org.livenesskiosk.ui;

/**
 * The touch way into the operator console: a finger held still on the screen's top-left corner for
 * {@link #HOLD_MS}. A touch-only kiosk has no keyboard for Ctrl+Alt+O. The corner is empty on every
 * screen (the customer's switches are on the right), and the hold is long and still, so a customer
 * tapping, swiping or resting a hand elsewhere never opens the PIN prompt; the PIN still guards the
 * console. A plain class, tested without a display: the window feeds it the pointer and asks it
 * each frame.
 */
final class CornerPress {

    /** Long enough that no tap or slow press of a customer's reaches it, short enough for staff. */
    static final long HOLD_MS = 3_000;
    /** The corner's side, in the scene's pixels: a fingertip's width and some. */
    static final double CORNER_PX = 96;
    /** How far a held finger may drift (a fingertip rolls a little) before the press no longer counts. */
    static final double DRIFT_PX = 24;

    private boolean holding;
    private double startX;
    private double startY;
    private long since;

    /** A finger (or button) went down at {@code x, y} of the scene. */
    void pressed(double x, double y, long nowMs) {
        holding = x <= CORNER_PX && y <= CORNER_PX;
        startX = x;
        startY = y;
        since = nowMs;
    }

    /** The finger moved while down: too far, and the press is a swipe, not a hold. */
    void dragged(double x, double y) {
        if (holding && Math.hypot(x - startX, y - startY) > DRIFT_PX) {
            holding = false;
        }
    }

    void released() {
        holding = false;
    }

    /**
     * Whether the press has now been held long enough: true once per press, so that holding on does
     * not ask for the PIN again behind the prompt.
     */
    boolean held(long nowMs) {
        if (holding && nowMs - since >= HOLD_MS) {
            holding = false;
            return true;
        }
        return false;
    }
}
