package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The settings a session refuses, each tried at its limit and just inside it. */
class LivenessConfigTest {

    private static LivenessConfig config(long actionMs, long prepareMs, int imageSize, double nearCm, double farCm, double fov) {
        return new LivenessConfig(List.of(ActionType.BLINK), false, actionMs, prepareMs, DetectionLevel.NORMAL, true, imageSize,
                nearCm, farCm, fov, true, LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS, false);
    }

    @Test
    void timeLimitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> config(0, 1, 600, 40, 80, 60));
        assertThrows(IllegalArgumentException.class, () -> config(1, 0, 600, 40, 80, 60));
        assertDoesNotThrow(() -> config(1, 1, 600, 40, 80, 60));
    }

    @Test
    void theResultImageIs300To1000PixelsInclusive() {
        assertDoesNotThrow(() -> config(1, 1, 300, 40, 80, 60));
        assertDoesNotThrow(() -> config(1, 1, 1000, 40, 80, 60));
        assertThrows(IllegalArgumentException.class, () -> config(1, 1, 299, 40, 80, 60));
        assertThrows(IllegalArgumentException.class, () -> config(1, 1, 1001, 40, 80, 60));
    }

    @Test
    void theDistanceRangeMustBePositiveAndNotEmpty() {
        assertThrows(IllegalArgumentException.class, () -> config(1, 1, 600, 0, 80, 60));
        assertThrows(IllegalArgumentException.class, () -> config(1, 1, 600, 40, 40, 60));
        assertDoesNotThrow(() -> config(1, 1, 600, 0.5, 0.6, 60));
    }

    @Test
    void theFieldOfViewIsStrictlyBetween0And180Degrees() {
        assertThrows(IllegalArgumentException.class, () -> config(1, 1, 600, 40, 80, 0));
        assertThrows(IllegalArgumentException.class, () -> config(1, 1, 600, 40, 80, 180));
        assertDoesNotThrow(() -> config(1, 1, 600, 40, 80, 179.5));
    }

    @Test
    void eachWitherChangesOnlyWhatItNames() {
        LivenessConfig config = LivenessConfig.defaults().withTimeLimits(5_000, 7_000).withLevel(DetectionLevel.EASY)
                .withDistance(30, 90);

        assertEquals(5_000, config.actionTimeLimitMs());
        assertEquals(7_000, config.prepareTimeLimitMs());
        assertEquals(DetectionLevel.EASY, config.level());
        assertEquals(30, config.minDistanceCm());
        assertEquals(90, config.maxDistanceCm());
        assertEquals(LivenessConfig.defaults().actions(), config.actions());
    }
}
