package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RollingPercentileTest {

    @Test
    void aSampleExactlyTheWindowOldStillCounts() {
        RollingPercentile median = new RollingPercentile(2_000, 0.5);
        median.add(1_000, 1);
        median.add(3_000, 5);

        assertEquals(2_000, median.spanMs());
        assertEquals(1, median.value());
    }

    @Test
    void anOlderSampleIsForgotten() {
        RollingPercentile median = new RollingPercentile(2_000, 0.5);
        median.add(1_000, 1);
        median.add(3_001, 5);

        assertEquals(0, median.spanMs());
        assertEquals(5, median.value());
    }
}
