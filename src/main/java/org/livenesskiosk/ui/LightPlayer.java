package org.livenesskiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

import org.livenesskiosk.liveness.LightSequence;

/**
 * The light step's timing, as a plain class the detection screen only follows: fed the display's
 * pulses, it says which colour the screen shows from each pulse on, and keeps the pulse each colour
 * first appeared on, so that the service is told what the screen really showed and when, not what
 * it was asked to show.
 *
 * <p>A colour gives way at the first pulse at least its time after it appeared: never early, so it
 * is never held less than {@value LightSequence#MIN_HOLD_MS} ms (at most three changes a second,
 * WCAG 2.1 SC 2.3.1), even for a sequence that asks less, and at most one refresh late. Tested
 * without a display: the pulses are {@link System#nanoTime()} readings the caller gives.
 */
final class LightPlayer {

    private final List<LightSequence.Flash> flashes;
    private final LongUnaryOperator sessionMs;
    private final Consumer<List<LightSequence.Shown>> shown;
    /** The pulse each colour first showed on; the last one is when the normal look came back. */
    private final long[] fromNanos;
    /** The colour showing now: -1 before the first pulse, {@code flashes.size()} once all were shown. */
    private int at = -1;
    private boolean stopped;

    /**
     * @param sessionMs the session's milliseconds for a {@link System#nanoTime()} reading: the recording's time
     * @param shown     told once, when the last colour has given way to the normal look, what the screen showed
     */
    LightPlayer(LightSequence sequence, LongUnaryOperator sessionMs, Consumer<List<LightSequence.Shown>> shown) {
        this.flashes = sequence.flashes();
        this.sessionMs = sessionMs;
        this.shown = shown;
        this.fromNanos = new long[flashes.size() + 1];
    }

    /**
     * A pulse of the display at {@code nanos}: the colour (0xRRGGBB) the screen shows from it on,
     * or empty for the normal look, once every colour was shown (and told) or the player stopped.
     */
    OptionalInt pulse(long nanos) {
        if (stopped || at == flashes.size()) {
            return OptionalInt.empty();
        }
        if (at < 0 || nanos - fromNanos[at] >= holdNanos(flashes.get(at))) {
            fromNanos[++at] = nanos;
            if (at == flashes.size()) {
                shown.accept(timeline());
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(flashes.get(at).rgb());
    }

    /** Whether the screen is to keep its pulses coming: not once every colour was shown, or the player stopped. */
    boolean playing() {
        return !stopped && at < flashes.size();
    }

    /**
     * The session ended (cancelled, or finished on its own) before the last colour did: nothing
     * more is shown, and nothing told, since the session no longer waits for it.
     */
    void stop() {
        stopped = true;
    }

    private static long holdNanos(LightSequence.Flash flash) {
        return Math.max(flash.durationMs(), LightSequence.MIN_HOLD_MS) * 1_000_000;
    }

    /**
     * Each colour from its pulse to the next one's, in the session's time. The clock is read once,
     * now, with the best estimate of the camera's lag it will have had, and the rest counted from
     * that reading on the display's own clock: a better estimate arriving in between cannot stretch
     * or shrink one colour against the others.
     */
    private List<LightSequence.Shown> timeline() {
        long startMs = sessionMs.applyAsLong(fromNanos[0]);
        List<LightSequence.Shown> timeline = new ArrayList<>(flashes.size());
        for (int i = 0; i < flashes.size(); i++) {
            timeline.add(new LightSequence.Shown(flashes.get(i).rgb(), startMs + (fromNanos[i] - fromNanos[0]) / 1_000_000,
                    startMs + (fromNanos[i + 1] - fromNanos[0]) / 1_000_000));
        }
        return timeline;
    }
}
