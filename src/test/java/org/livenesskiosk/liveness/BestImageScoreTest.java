package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** Which frames may be the best image (each limit exactly and just past it), and how they rank. */
class BestImageScoreTest {

    private static OptionalDouble score(Consumer<TestFaces> change) {
        TestFaces face = TestFaces.ready();
        change.accept(face);
        return BestImageScore.of(face.metrics(), TestFaces.OPEN_EYES);
    }

    private static void assertCandidate(Consumer<TestFaces> change) {
        assertTrue(score(change).isPresent(), "a candidate");
    }

    private static void assertNotCandidate(Consumer<TestFaces> change) {
        assertEquals(OptionalDouble.empty(), score(change));
    }

    @Test
    void aFaceTurnedUpToTheLimitIsACandidate() {
        assertCandidate(face -> face.yaw = -BestImageScore.MAX_ANGLE_DEGREES);
        assertNotCandidate(face -> face.yaw = Math.nextUp(BestImageScore.MAX_ANGLE_DEGREES));
        assertCandidate(face -> face.pitch = BestImageScore.MAX_ANGLE_DEGREES);
        assertNotCandidate(face -> face.pitch = -Math.nextUp(BestImageScore.MAX_ANGLE_DEGREES));
    }

    @Test
    void eyesOpenToTheLimitAreACandidate() {
        assertCandidate(face -> face.eyes = BestImageScore.MIN_EYE_OPENNESS * TestFaces.OPEN_EYES);
        assertNotCandidate(face -> face.eyes = Math.nextDown(BestImageScore.MIN_EYE_OPENNESS * TestFaces.OPEN_EYES));
    }

    @Test
    void aMouthOpenToTheLimitIsACandidate() {
        assertCandidate(face -> face.mouth = BestImageScore.MAX_MOUTH_OPENING);
        assertNotCandidate(face -> face.mouth = Math.nextUp(BestImageScore.MAX_MOUTH_OPENING));
    }

    @Test
    void aFaceSharpToTheLimitIsACandidate() {
        assertCandidate(face -> face.sharpness = BestImageScore.MIN_SHARPNESS);
        assertNotCandidate(face -> face.sharpness = Math.nextDown(BestImageScore.MIN_SHARPNESS));
    }

    @Test
    void aDarkOrBlownOutFaceIsNoCandidate() {
        assertNotCandidate(face -> face.brightness = 40);
        assertNotCandidate(face -> face.overExposed = 0.3);
    }

    @Test
    void theScoreIsFrontalityTimesSharpnessTimesLight() {
        OptionalDouble score = score(face -> {
            face.yaw = 6;
            face.pitch = -3;
            face.sharpness = 200;
            face.brightness = 100;
        });

        // frontal 1 − 9/60, sharp 200/400, lit 1 − 28/256
        assertEquals((1 - 9.0 / 60) * 0.5 * (1 - 28.0 / 256), score.orElseThrow(), 1e-12);
    }

    @Test
    void sharpnessBeyondWhatIsNeededAddsNothing() {
        assertEquals(score(face -> face.sharpness = BestImageScore.GOOD_SHARPNESS).orElseThrow(),
                score(face -> face.sharpness = 10 * BestImageScore.GOOD_SHARPNESS).orElseThrow());
    }
}
