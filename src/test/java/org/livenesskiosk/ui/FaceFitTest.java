package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.ui.FaceFit.Advice;
import org.livenesskiosk.ui.FaceFit.FaceBox;

/**
 * The oval's judgement, from where the face is, not from the session's state: each way of being
 * out of place gives its advice, in the customer's own directions, and the advice never flickers.
 */
class FaceFitTest {

    private static final double ASPECT = 4.0 / 3;
    private static final FaceTarget TARGET = new FaceTarget(0.5, 0.5, 0.26, 0.25);
    private static final double HEIGHT = TARGET.height(ASPECT);

    private static FaceBox at(double centerX, double centerY, double width) {
        return new FaceBox(centerX, centerY, width, width * HEIGHT / 0.26, ASPECT);
    }

    @Test
    void aFaceOnTheTargetFits() {
        assertEquals(Advice.FITS, FaceFit.judge(at(0.5, 0.5, 0.26), TARGET, 1));
    }

    @Test
    void eachWayOutOfPlaceHasItsAdvice() {
        assertEquals(Advice.MOVE_CLOSER, FaceFit.judge(at(0.5, 0.5, 0.26 / 1.3), TARGET, 1));
        assertEquals(Advice.MOVE_BACK, FaceFit.judge(at(0.5, 0.5, 0.26 * 1.3), TARGET, 1));
        // The camera faces the customer: a face at the image's right is at the customer's left.
        assertEquals(Advice.MOVE_RIGHT, FaceFit.judge(at(0.5 + 0.26 * 0.25, 0.5, 0.26), TARGET, 1));
        assertEquals(Advice.MOVE_LEFT, FaceFit.judge(at(0.5 - 0.26 * 0.25, 0.5, 0.26), TARGET, 1));
        assertEquals(Advice.MOVE_UP, FaceFit.judge(at(0.5, 0.5 + HEIGHT * 0.25, 0.26), TARGET, 1));
        assertEquals(Advice.MOVE_DOWN, FaceFit.judge(at(0.5, 0.5 - HEIGHT * 0.25, 0.26), TARGET, 1));
    }

    @Test
    void theTolerancesHoldExactlyAtTheirEdge() {
        double edge = 0.26 * FaceFit.POSITION_TOLERANCE;
        assertEquals(Advice.FITS, FaceFit.judge(at(0.5 + edge * 0.999, 0.5, 0.26), TARGET, 1));
        assertEquals(Advice.MOVE_RIGHT, FaceFit.judge(at(0.5 + edge * 1.001, 0.5, 0.26), TARGET, 1));
        assertEquals(Advice.FITS, FaceFit.judge(at(0.5, 0.5, 0.26 * (1 + TARGET.sizeTolerance()) * 0.999), TARGET, 1));
        assertEquals(Advice.MOVE_BACK, FaceFit.judge(at(0.5, 0.5, 0.26 * (1 + TARGET.sizeTolerance()) * 1.001), TARGET, 1));
    }

    @Test
    void aFaceFarOutsideTheOvalIsNeverGreen() {
        FaceFit fit = new FaceFit();
        for (long ms = 0; ms <= 2_000; ms += 40) {
            assertNotEquals(Advice.FITS, fit.advise(Optional.of(at(0.85, 0.5, 0.26)), TARGET, ms));
        }
        assertEquals(Advice.MOVE_RIGHT, fit.advise(Optional.of(at(0.85, 0.5, 0.26)), TARGET, 2_040));
    }

    @Test
    void newAdviceWaitsUntilItHasHeldAndAFittingFaceIsNotLostToASmallMove() {
        FaceFit fit = new FaceFit();
        assertEquals(Advice.SHOW_FACE, fit.advise(Optional.of(at(0.5, 0.5, 0.26)), TARGET, 0));
        assertEquals(Advice.SHOW_FACE, fit.advise(Optional.of(at(0.5, 0.5, 0.26)), TARGET, FaceFit.STEADY_MS - 1));
        assertEquals(Advice.FITS, fit.advise(Optional.of(at(0.5, 0.5, 0.26)), TARGET, FaceFit.STEADY_MS));

        // Past the entry tolerance, within the wider one that keeps a fitting face: still fits.
        FaceBox drifted = at(0.5 + 0.26 * FaceFit.POSITION_TOLERANCE * 1.3, 0.5, 0.26);
        assertEquals(Advice.FITS, fit.advise(Optional.of(drifted), TARGET, 1_000));
        assertEquals(Advice.FITS, fit.advise(Optional.of(drifted), TARGET, 3_000));

        // A moment's jump (a head turn) does not flash the oval; one that holds does change it.
        FaceBox away = at(0.8, 0.5, 0.26);
        assertEquals(Advice.FITS, fit.advise(Optional.of(away), TARGET, 3_100));
        assertEquals(Advice.FITS, fit.advise(Optional.of(at(0.5, 0.5, 0.26)), TARGET, 3_200));
        assertEquals(Advice.FITS, fit.advise(Optional.of(away), TARGET, 3_300));
        assertEquals(Advice.MOVE_RIGHT, fit.advise(Optional.of(away), TARGET, 3_300 + FaceFit.STEADY_MS));
        assertEquals(Advice.MOVE_RIGHT, fit.advise(Optional.empty(), TARGET, 3_800));
        assertEquals(Advice.SHOW_FACE, fit.advise(Optional.empty(), TARGET, 3_800 + FaceFit.STEADY_MS));
    }

    @Test
    void aTargetFromADistanceRangeFitsEveryFaceTheRangeAllowsAndNoOther() {
        FaceTarget range = FaceTarget.centred(0.16, 0.32);
        assertEquals(0.5, range.centerX());
        assertEquals(Advice.FITS, FaceFit.judge(at(0.5, 0.5, 0.16 * 1.001), range, 1));
        assertEquals(Advice.FITS, FaceFit.judge(at(0.5, 0.5, 0.32 * 0.999), range, 1));
        assertEquals(Advice.MOVE_CLOSER, FaceFit.judge(at(0.5, 0.5, 0.16 * 0.999), range, 1));
        assertEquals(Advice.MOVE_BACK, FaceFit.judge(at(0.5, 0.5, 0.32 * 1.001), range, 1));
    }

    @Test
    void theTargetKeepsAFacesProportionsInAnyFrame() {
        assertEquals(FaceTarget.FACE_HEIGHT_OVER_WIDTH * 16 / 9, FaceTarget.STANDARD.height(16.0 / 9) / FaceTarget.STANDARD.width(),
                1e-9);
    }
}
