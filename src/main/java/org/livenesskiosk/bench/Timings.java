package org.livenesskiosk.bench;

import java.util.Arrays;

/** Durations collected over many frames, summarised as the median and the 95th percentile. */
public final class Timings {

    private double[] millis = new double[64];
    private int count;

    public void add(long nanos) {
        if (count == millis.length) {
            millis = Arrays.copyOf(millis, count * 2);
        }
        millis[count++] = nanos / 1e6;
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
