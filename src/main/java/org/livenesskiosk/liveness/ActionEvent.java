package org.livenesskiosk.liveness;

/**
 * One action seen from its start to its end.
 *
 * @param peakMs        when the action was at its fullest (eyes most closed, head furthest turned)
 * @param peakDeviation the largest departure from the person's neutral value, signed: for
 *                      {@code POS_YAW} positive means the nose went toward the image right
 */
public record ActionEvent(ActionType type, long startMs, long endMs, long peakMs, double peakDeviation) {

    public long durationMs() {
        return endMs - startMs;
    }
}
