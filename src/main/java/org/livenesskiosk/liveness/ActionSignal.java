package org.livenesskiosk.liveness;

import java.util.function.ToDoubleFunction;

import org.livenesskiosk.vision.FaceMetrics;

/**
 * How one action shows in the metrics: the value to watch, how far it departs from the person's
 * neutral value, and the thresholds and durations that make it an action.
 *
 * @param metric      the metric's name, as in {@code analyze}'s records
 * @param value       the metric watched
 * @param deviation   how far a value departs from the neutral one, in the direction of the action (signed)
 * @param neutralPercentile which percentile of the recent values is the person's neutral value (0.5: the median)
 * @param magnitude   whether to judge the absolute deviation (either direction counts) or only positive ones
 * @param enter       deviation at which the action starts
 * @param exit        deviation below which it has surely ended (below {@code enter}: hysteresis)
 * @param returnShare it also ends once it has come back by this share of its peak, for people who do not quite return
 * @param maxNeutralDrift how far the current neutral may have drifted from the person's usual one (over
 *                    a longer window) for an action to start: a blink must start from open eyes
 * @param minDurationMs shortest action that counts
 * @param maxDurationMs longest action that counts (a blink held for seconds is closed eyes, not a blink)
 */
public record ActionSignal(
        ActionType type,
        String metric,
        ToDoubleFunction<FaceMetrics> value,
        Deviation deviation,
        double neutralPercentile,
        boolean magnitude,
        double enter,
        double exit,
        double returnShare,
        double maxNeutralDrift,
        long minDurationMs,
        long maxDurationMs) {

    /** How far {@code value} is from the neutral {@code baseline}, in the action's direction. */
    @FunctionalInterface
    public interface Deviation {
        double of(double value, double baseline);
    }

    public ActionSignal {
        if (exit >= enter) {
            throw new IllegalArgumentException("exit must be below enter, for hysteresis");
        }
    }

    /** For actions that may start from whatever the person's neutral currently is. */
    private static final double ANY_NEUTRAL = Double.POSITIVE_INFINITY;
    /** Most actions have ended once they have come back halfway. */
    private static final double HALFWAY = 0.5;

    /**
     * The eyes narrow to 78% of their open size or less and open again within 0.7 s. FaceMesh never
     * closes the eyes fully (a closed eye still reads about 60% of an open one), so the drop asked
     * for is modest; the open size is read high in the recent values, because blinks pull the median
     * down. Eyelids that flutter while the eyes are kept closed or narrowed (the neutral more than a
     * quarter below the usual open size) do not blink. A blink has ended once the eyes have opened
     * again by a third of its depth: people often look elsewhere as they blink (down, or while
     * talking), and the eyes then reopen narrower than before; judged against the size before the
     * blink, such a blink would never end, and would be dropped as eyes kept closed.
     */
    public static final ActionSignal BLINK = new ActionSignal(ActionType.BLINK, "eyeAspectRatio", FaceMetrics::eyeAspectRatio,
            (value, baseline) -> baseline <= 0 ? 0 : 1 - value / baseline, 0.7, false, 0.22, 0.11, 1.0 / 3, 0.25, 0, 700);

    /** The lips part by at least 0.3 of the mouth's width more than at rest, then close. */
    public static final ActionSignal MOUTH = new ActionSignal(ActionType.MOUTH, "mouthOpening", FaceMetrics::mouthOpening,
            (value, baseline) -> value - baseline, 0.3, false, 0.3, 0.15, HALFWAY, ANY_NEUTRAL, 100, 10_000);

    /**
     * The head turns to either side and comes back: at least 12° of FaceMesh's yaw, which reads
     * turns smaller than they are (about three quarters of the turn at 35–70° on AFLW2000-3D), so
     * that the 20–30° turns people make while talking count.
     */
    public static final ActionSignal POS_YAW = new ActionSignal(ActionType.POS_YAW, "yaw",
            metrics -> metrics.pose().yawDegrees(), (value, baseline) -> value - baseline, 0.5, true, 12, 6, HALFWAY, ANY_NEUTRAL, 100, 10_000);

    /** The head lowers at least 12° and rises again within three seconds. */
    public static final ActionSignal NOD = new ActionSignal(ActionType.NOD, "pitch",
            metrics -> metrics.pose().pitchDegrees(), (value, baseline) -> baseline - value, 0.5, false, 12, 6, HALFWAY, ANY_NEUTRAL, 100, 3_000);

    /** The same action asked for more (factor above 1) or less strictly: thresholds scale, durations stay. */
    public ActionSignal scaled(double factor) {
        return new ActionSignal(type, metric, value, deviation, neutralPercentile, magnitude, enter * factor, exit * factor,
                returnShare, maxNeutralDrift, minDurationMs, maxDurationMs);
    }

    public static ActionSignal of(ActionType type) {
        return switch (type) {
            case BLINK -> BLINK;
            case MOUTH -> MOUTH;
            case POS_YAW -> POS_YAW;
            case NOD -> NOD;
        };
    }
}
