package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.vision.FaceLandmarks;

/** The perspective cue's rule at its thresholds, and when it has nothing to judge. */
class PerspectiveTest {

    private static Perspective.Verdict verdictAt(double ratio) {
        return new Perspective.Cue(ratio, ratio, 1).verdict();
    }

    @Test
    void theRuleIsLiveFromItsThresholdUncertainBelowAndAnAttackUnderTheLowerOne() {
        assertEquals(Perspective.Verdict.LIVE, verdictAt(Perspective.LIVE_RATIO));
        assertEquals(Perspective.Verdict.UNCERTAIN, verdictAt(Math.nextDown(Perspective.LIVE_RATIO)));
        assertEquals(Perspective.Verdict.UNCERTAIN, verdictAt(Perspective.ATTACK_RATIO));
        assertEquals(Perspective.Verdict.ATTACK, verdictAt(Math.nextDown(Perspective.ATTACK_RATIO)));
        assertEquals(Perspective.Verdict.ATTACK, verdictAt(-0.2));
    }

    /** Landmarks scattered on a plane at the given scale about the frame's centre, with a dome's relative depth. */
    private static FaceLandmarks planar(double scale) {
        float[] xyz = new float[3 * FaceLandmarks.COUNT];
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            double u = Math.cos(i * 2.4) * Math.sqrt(i / 468.0);
            double v = Math.sin(i * 2.4) * Math.sqrt(i / 468.0);
            xyz[3 * i] = (float) (320 + 100 * scale * u);
            xyz[3 * i + 1] = (float) (240 + 125 * scale * v);
            xyz[3 * i + 2] = (float) (-40 * Math.sqrt(Math.max(0, 1 - u * u - v * v)));
        }
        return new FaceLandmarks(xyz, 1);
    }

    @Test
    void aFaceThatGrewTooLittleForARealFaceToChangeAboveTheNoiseIsNotJudged() {
        List<FaceLandmarks> far = List.of(planar(1));
        List<FaceLandmarks> near = List.of(planar(1.5));
        // Square pixels and a 90° camera: the expected gain is twice the growth in frame widths.
        double grown = Perspective.MIN_EXPECTED_GAIN / 2;

        assertTrue(Perspective.of(far, near, 0.2, 0.2 + grown, 90).isPresent());
        assertTrue(Perspective.of(far, near, 0.2, Math.nextDown(0.2 + grown), 90).isEmpty());
        assertTrue(Perspective.of(List.of(), near, 0.2, 0.4, 60).isEmpty());
    }

    @Test
    void aPictureThatOnlyGrewShowsNoGain() {
        Perspective.Cue cue = Perspective.of(List.of(planar(1)), List.of(planar(1.8)), 0.2, 0.36, 60).orElseThrow();

        assertEquals(0, cue.gain(), 1e-4);
        assertEquals(Perspective.expectedGain(0.2, 0.36, 60), cue.expectedGain());
        assertEquals(2 * Math.tan(Math.toRadians(30)) * 0.16, cue.expectedGain(), 1e-12);
        assertEquals(Perspective.Verdict.ATTACK, cue.verdict());
    }
}
