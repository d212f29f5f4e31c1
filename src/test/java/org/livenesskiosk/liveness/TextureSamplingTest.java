package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.vision.FrameAnalysis;

/** Which frames the texture network scores: fit ones, one per spacing, at each limit and just past it. */
class TextureSamplingTest {

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
