package org.livenesskiosk.liveness;

import java.util.List;

/**
 * The metric an action is judged on, frame by frame, from the moment it was asked for until it
 * was seen: what the service re-checks.
 *
 * @param metric the metric's name, as in {@code analyze}'s records (e.g. {@code eyeAspectRatio})
 */
public record MetricTrace(ActionType action, String metric, List<Sample> samples) {

    public record Sample(long timeMs, double value) {
    }

    public MetricTrace {
        samples = List.copyOf(samples);
    }
}
