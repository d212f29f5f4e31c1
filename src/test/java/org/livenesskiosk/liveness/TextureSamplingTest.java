package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.vision.FrameAnalysis;

/** Which frames the texture network scores: fit ones, one per spacing, at each limit and just past it. */
class TextureSamplingTest {

    private static final long FRAME_MS = 40;

    private static FrameAnalysis at(TestFaces face, long timeMs) {
        FrameAnalysis frame = face.frame();
        return new FrameAnalysis(frame.index(), timeMs, 640, 480, frame.faces(), frame.otherFaces(), Optional.empty());
    }

    @Test
    void scoresOneFitFramePerSpacing() {
        TextureSampling sampling = new TextureSampling();
        assertTrue(sampling.wants(at(TestFaces.ready(), 1_000)));
        assertFalse(sampling.wants(at(TestFaces.ready(), 1_000 + TextureSampling.SPACING_MS - 1)));
        assertTrue(sampling.wants(at(TestFaces.ready(), 1_000 + TextureSampling.SPACING_MS)));
    }

    @Test
    void oncePlentyAreScoredTheRestOfTheSessionIsSampledSparser() {
        TextureSampling sampling = new TextureSampling();
        long timeMs = 0;
        for (int i = 0; i < TextureSampling.DENSE_FRAMES; i++) {
            assertTrue(sampling.wants(at(TestFaces.ready(), timeMs)));
            timeMs += TextureSampling.SPACING_MS;
        }
        long lastMs = timeMs - TextureSampling.SPACING_MS;
        assertFalse(sampling.wants(at(TestFaces.ready(), lastMs + TextureSampling.SPARSE_SPACING_MS - 1)));
        assertTrue(sampling.wants(at(TestFaces.ready(), lastMs + TextureSampling.SPARSE_SPACING_MS)));
    }

    /**
     * An attacker who knows the kiosk's rule makes a recording look live only on the frames it would
     * score. The service's draw scores most of its frames elsewhere, never sparser than the rule.
     */
    @Test
    void theServiceScoresOtherFramesThanTheKiosksRuleAndNoFewer() {
        List<Long> kiosk = scoredOverTwelveSeconds(new TextureSampling());
        for (long seed = 1; seed <= 20; seed++) {
            List<Long> service = scoredOverTwelveSeconds(TextureSampling.drawnBy(new Random(seed)));
            assertTrue(service.size() >= kiosk.size(), "seed " + seed + ": " + service.size() + " against " + kiosk.size());
            long elsewhere = service.stream().filter(timeMs -> !kiosk.contains(timeMs)).count();
            assertTrue(elsewhere * 2 > service.size(), "seed " + seed + ": " + elsewhere + " of " + service.size() + " elsewhere");
            for (int i = 1; i < service.size(); i++) {
                long spacing = i < TextureSampling.DENSE_FRAMES ? TextureSampling.SPACING_MS : TextureSampling.SPARSE_SPACING_MS;
                long gapMs = service.get(i) - service.get(i - 1);
                assertTrue(gapMs >= spacing / 2 && gapMs < spacing + FRAME_MS, "seed " + seed + ": a gap of " + gapMs + " ms");
            }
        }
        assertNotEquals(scoredOverTwelveSeconds(TextureSampling.drawnBy(new Random(1))),
                scoredOverTwelveSeconds(TextureSampling.drawnBy(new Random(2))), "two draws differ");
    }

    /** The times of the frames scored from a 25 fps stream of fit frames, 12 s long. */
    private static List<Long> scoredOverTwelveSeconds(TextureSampling sampling) {
        List<Long> scored = new ArrayList<>();
        for (long timeMs = 0; timeMs < 12_000; timeMs += FRAME_MS) {
            if (sampling.wants(at(TestFaces.ready(), timeMs))) {
                scored.add(timeMs);
            }
        }
        return scored;
    }

    @Test
    void aFrameNotScoredDoesNotDelayTheNext() {
        TextureSampling sampling = new TextureSampling();
        TestFaces turned = TestFaces.ready();
        turned.yaw = 40;
        assertFalse(sampling.wants(at(turned, 0)));
        assertTrue(sampling.wants(at(TestFaces.ready(), 1)));
    }

    @Test
    void frontalWithinItsLimitEitherWay() {
        for (double angle : new double[] {TextureSampling.MAX_ANGLE_DEGREES, -TextureSampling.MAX_ANGLE_DEGREES}) {
            TestFaces yawed = TestFaces.ready();
            yawed.yaw = angle;
            assertTrue(TextureSampling.fit(yawed.frame()));
            yawed.yaw = angle * Math.nextUp(1.0);
            assertFalse(TextureSampling.fit(yawed.frame()));
            TestFaces pitched = TestFaces.ready();
            pitched.pitch = angle;
            assertTrue(TextureSampling.fit(pitched.frame()));
            pitched.pitch = angle * Math.nextUp(1.0);
            assertFalse(TextureSampling.fit(pitched.frame()));
        }
    }

    @Test
    void notInTheDarkNorBlownOutNorBlurredNorUnsure() {
        TestFaces dark = TestFaces.ready();
        dark.brightness = Math.nextDown(Preparation.MIN_BRIGHTNESS);
        TestFaces blownOut = TestFaces.ready();
        blownOut.overExposed = Math.nextUp(Preparation.MAX_OVER_EXPOSED_SHARE);
        TestFaces blurred = TestFaces.ready();
        blurred.sharpness = Math.nextDown(BestImageScore.MIN_SHARPNESS);
        TestFaces sharpEnough = TestFaces.ready();
        sharpEnough.sharpness = BestImageScore.MIN_SHARPNESS;
        TestFaces unsure = TestFaces.ready();
        unsure.presence = Math.nextDown(Preparation.MIN_PRESENCE);
        for (TestFaces unfit : List.of(dark, blownOut, blurred, unsure)) {
            assertFalse(TextureSampling.fit(unfit.frame()));
        }
        assertTrue(TextureSampling.fit(sharpEnough.frame()));
    }

    @Test
    void onlyOneFace() {
        assertFalse(TextureSampling.fit(TestFaces.ready().frame(1)));
        assertFalse(TextureSampling.fit(TestFaces.noFace()));
    }
}
