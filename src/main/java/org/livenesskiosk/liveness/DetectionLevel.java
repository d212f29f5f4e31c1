package org.livenesskiosk.liveness;

/**
 * How much each action must show, and how strict the preparation is, as the mobile SDK's levels.
 * {@code NORMAL} uses the thresholds measured on the shared recordings.
 */
public enum DetectionLevel {
    EASY(0.8),
    NORMAL(1.0),
    HARD(1.25);

    private final double strictness;

    DetectionLevel(double strictness) {
        this.strictness = strictness;
    }

    /** Factor on every action threshold: above 1 asks for a bigger blink, a wider mouth, a further turn. */
    public double strictness() {
        return strictness;
    }
}
