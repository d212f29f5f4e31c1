package org.livenesskiosk.liveness;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A percentile of the values seen over the last stretch of time: a person's neutral value. A high
 * percentile reads the open-eye level of someone who blinks often; the median suits head pose.
 */
final class RollingPercentile {

    private record Sample(long timeMs, double value) {
    }

    private final long windowMs;
    private final double fraction;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** @param fraction which percentile, as a fraction: 0.5 is the median */
    RollingPercentile(long windowMs, double fraction) {
        this.windowMs = windowMs;
        this.fraction = fraction;
    }

    void add(long timeMs, double value) {
        samples.addLast(new Sample(timeMs, value));
        while (samples.peekFirst().timeMs() < timeMs - windowMs) {
            samples.removeFirst();
        }
    }

    /** How long the samples span: a baseline is trusted only once it has seen enough. */
    long spanMs() {
        return samples.isEmpty() ? 0 : samples.peekLast().timeMs() - samples.peekFirst().timeMs();
    }

    /** The nearest-rank percentile of the samples in the window; call only when there are samples. */
    double value() {
        double[] values = samples.stream().mapToDouble(Sample::value).toArray();
        Arrays.sort(values);
        int rank = (int) Math.ceil(fraction * values.length);
        return values[Math.max(0, rank - 1)];
    }

    void clear() {
        samples.clear();
    }
}
