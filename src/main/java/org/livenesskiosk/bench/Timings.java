package org.livenesskiosk.bench;

import java.util.Arrays;

/** Durations collected over many frames, summarised as the median, the 95th percentile and the mean. */
public final class Timings {

    private double[] millis = new double[64];
    private int count;

    public void add(long nanos) {
        if (count == millis.length) {
            millis = Arrays.copyOf(millis, count * 2);
        }
        millis[count++] = nanos / 1e6;
    }

    public int count() {
        return count;
    }

    /** The mean in milliseconds: what a cost paid on only some frames adds to every frame on average. */
    public double mean() {
        return count == 0 ? Double.NaN : Arrays.stream(millis, 0, count).sum() / count;
    }

    public double median() {
        return percentile(50);
    }

    public double p95() {
        return percentile(95);
    }

    /** Nearest-rank percentile, in milliseconds. */
    public double percentile(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, rank - 1)];
    }
}
