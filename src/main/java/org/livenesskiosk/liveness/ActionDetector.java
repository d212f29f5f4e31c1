package org.livenesskiosk.liveness;

import java.util.Optional;

import org.livenesskiosk.vision.FaceMetrics;

/**
 * Recognises one action in one person's stream of metrics, relative to that person's own neutral
 * value (a rolling percentile that stops learning while an action is under way), with hysteresis
 * so that noise around a threshold does not make two actions of one.
 *
 * <p>A departure held longer than any real action (eyes kept closed, head kept lowered) is not
 * that action: it becomes the person's new neutral, and learning starts over from there.
 */
public final class ActionDetector {

    /** How much of the person's recent past makes their neutral value. */
    private static final long BASELINE_WINDOW_MS = 2_000;
    /** How much of the person's past makes their usual neutral, which a held departure does not reset. */
    private static final long USUAL_WINDOW_MS = 10_000;
    /** No action is recognised before the neutral value has been watched this long. */
    private static final long MIN_BASELINE_MS = 300;

    private enum State { NEUTRAL, ACTIVE }

    private final ActionSignal signal;
    private final RollingPercentile baseline;
    private final RollingPercentile usual;
    private State state = State.NEUTRAL;
    private long startMs;
    private long peakMs;
    private double peakDeviation;

    public ActionDetector(ActionSignal signal) {
        this.signal = signal;
        this.baseline = new RollingPercentile(BASELINE_WINDOW_MS, signal.neutralPercentile());
        this.usual = new RollingPercentile(USUAL_WINDOW_MS, signal.neutralPercentile());
    }

    public ActionSignal signal() {
        return signal;
    }

    /** Feeds one frame of the person's metrics; returns the action that ended in this frame, if any. */
    public Optional<ActionEvent> accept(FaceMetrics metrics, long timeMs) {
        double value = signal.value().applyAsDouble(metrics);
        usual.add(timeMs, value);
        if (state == State.NEUTRAL) {
            baseline.add(timeMs, value);
            if (baseline.spanMs() < MIN_BASELINE_MS) {
                return Optional.empty();
            }
        }
        double neutral = baseline.value();
        double deviation = signal.deviation().of(value, neutral);
        if (state == State.NEUTRAL) {
            boolean fromUsualNeutral = strength(signal.deviation().of(neutral, usual.value())) <= signal.maxNeutralDrift();
            if (fromUsualNeutral && strength(deviation) >= signal.enter()) {
                state = State.ACTIVE;
                startMs = timeMs;
                peakMs = timeMs;
                peakDeviation = deviation;
            }
            return Optional.empty();
        }
        if (strength(deviation) > strength(peakDeviation)) {
            peakMs = timeMs;
            peakDeviation = deviation;
        }
        if (strength(deviation) <= Math.max(signal.exit(), (1 - signal.returnShare()) * strength(peakDeviation))) {
            state = State.NEUTRAL;
            if (timeMs - startMs >= signal.minDurationMs()) {
                return Optional.of(new ActionEvent(signal.type(), startMs, timeMs, peakMs, peakDeviation));
            }
        } else if (timeMs - startMs > signal.maxDurationMs()) {
            baseline.clear();
            state = State.NEUTRAL;
        }
        return Optional.empty();
    }

    /** Whether an action is under way and was at its fullest so far at this time: a frame worth keeping. */
    public boolean peaksAt(long timeMs) {
        return state == State.ACTIVE && peakMs == timeMs;
    }

    /** The face was lost or replaced: nothing before this counts. */
    public void reset() {
        baseline.clear();
        usual.clear();
        state = State.NEUTRAL;
    }

    private double strength(double deviation) {
        return signal.magnitude() ? Math.abs(deviation) : deviation;
    }
}
