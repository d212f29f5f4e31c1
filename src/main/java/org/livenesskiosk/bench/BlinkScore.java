package org.livenesskiosk.bench;

import java.util.List;

import org.livenesskiosk.liveness.ActionEvent;
import org.livenesskiosk.liveness.ActionType;

/**
 * How well the blinks seen match the labelled ones. A labelled blink is found when a blink seen
 * overlaps it; a blink seen is false when it overlaps no labelled event at all. Blinks inside a
 * labelled eye event that is not a plain blink (eyes kept closed, a wink, a half blink, a squint)
 * are neither found nor false: the labels themselves call those ambiguous.
 */
public record BlinkScore(int labelled, int found, int seen, int falseBlinks, double minutes) {

    /** Labels are frame-exact; a blink seen ends when the eyes are half open again. */
    static final long TOLERANCE_MS = 200;

    public static final BlinkScore NONE = new BlinkScore(0, 0, 0, 0, 0);

    public static BlinkScore of(List<ActionEvent> events, List<LabelledEvent> labels, double minutes) {
        List<ActionEvent> blinks = events.stream().filter(event -> event.type() == ActionType.BLINK).toList();
        List<LabelledEvent> labelledBlinks = labels.stream().filter(label -> label.kind().equals("blink")).toList();
        int found = (int) labelledBlinks.stream()
                .filter(label -> blinks.stream().anyMatch(blink -> label.overlaps(blink.startMs(), blink.endMs(), TOLERANCE_MS)))
                .count();
        int falseBlinks = (int) blinks.stream()
                .filter(blink -> labels.stream().noneMatch(label -> label.overlaps(blink.startMs(), blink.endMs(), TOLERANCE_MS)))
                .count();
        return new BlinkScore(labelledBlinks.size(), found, blinks.size(), falseBlinks, minutes);
    }

    public BlinkScore plus(BlinkScore other) {
        return new BlinkScore(labelled + other.labelled, found + other.found, seen + other.seen,
                falseBlinks + other.falseBlinks, minutes + other.minutes);
    }

    public double recall() {
        return labelled == 0 ? Double.NaN : (double) found / labelled;
    }

    /** The share of the blinks seen that are not false. */
    public double precision() {
        return seen == 0 ? Double.NaN : 1 - (double) falseBlinks / seen;
    }

    public double falseBlinksPerMinute() {
        return minutes == 0 ? Double.NaN : falseBlinks / minutes;
    }
}
