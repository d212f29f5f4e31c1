package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.FacePlacement;
import org.livenesskiosk.liveness.FaceZone;
import org.livenesskiosk.ui.FaceFit.Advice;

/**
 * The oval's judgement is the session's ({@link FaceZone}): green exactly where the session
 * accepts the face, each way of being out of place in the customer's own directions, and advice
 * that never flickers.
 */
class FaceFitTest {

    /** A face 0.16 to 0.32 of the frame wide, its centre within 0.2 of the width and 0.25 of the height. */
    private static final FaceZone ZONE = new FaceZone(0.16, 0.32, 0.2, 0.25);

    private static FacePlacement at(double centerX, double centerY, double width) {
        return new FacePlacement(centerX, centerY, width, 1.25);
    }

    @Test
    void theOvalIsGreenExactlyWhereTheSessionsRuleAcceptsTheFace() {
        int green = 0;
        for (int x = 0; x <= 40; x++) {
            for (int y = 0; y <= 40; y++) {
                for (int width = 5; width <= 40; width++) {
                    FacePlacement face = at(x / 40.0, y / 40.0, width / 100.0);
                    boolean sessionAccepts = ZONE.judge(face) == FaceZone.Placement.FITS;
                    boolean ovalGreen = FaceFit.judge(face, ZONE) == Advice.FITS;
                    assertEquals(sessionAccepts, ovalGreen, face.toString());
                    green += ovalGreen ? 1 : 0;
                }
            }
        }
        // The grid holds faces of both kinds: 17 × 21 places by 17 sizes (0.16 … 0.32) fit.
        assertEquals(17 * 21 * 17, green);
    }

    @Test
    void eachWayOutOfPlaceHasItsAdviceInTheCustomersDirections() {
        assertEquals(Advice.MOVE_CLOSER, FaceFit.judge(at(0.5, 0.5, 0.15), ZONE));
        assertEquals(Advice.MOVE_BACK, FaceFit.judge(at(0.5, 0.5, 0.33), ZONE));
        // The camera faces the customer: a face at the image's right is at the customer's left.
        assertEquals(Advice.MOVE_RIGHT, FaceFit.judge(at(0.75, 0.5, 0.26), ZONE));
        assertEquals(Advice.MOVE_LEFT, FaceFit.judge(at(0.25, 0.5, 0.26), ZONE));
        assertEquals(Advice.MOVE_UP, FaceFit.judge(at(0.5, 0.8, 0.26), ZONE));
        assertEquals(Advice.MOVE_DOWN, FaceFit.judge(at(0.5, 0.2, 0.26), ZONE));
        assertEquals(Advice.FITS, FaceFit.judge(at(0.69, 0.74, 0.16), ZONE), "anywhere within the session's tolerances");
    }

    @Test
    void aFaceFarOutsideTheOvalIsNeverGreen() {
        FaceFit fit = new FaceFit();
        for (long ms = 0; ms <= 2_000; ms += 40) {
            assertNotEquals(Advice.FITS, fit.advise(Optional.of(at(0.85, 0.5, 0.26)), ZONE, ms));
        }
        assertEquals(Advice.MOVE_RIGHT, fit.advise(Optional.of(at(0.85, 0.5, 0.26)), ZONE, 2_040));
    }

    @Test
    void newAdviceWaitsUntilItHasHeld() {
        FaceFit fit = new FaceFit();
        assertEquals(Advice.SHOW_FACE, fit.advise(Optional.of(at(0.5, 0.5, 0.26)), ZONE, 0));
        assertEquals(Advice.SHOW_FACE, fit.advise(Optional.of(at(0.5, 0.5, 0.26)), ZONE, FaceFit.STEADY_MS - 1));
        assertEquals(Advice.FITS, fit.advise(Optional.of(at(0.5, 0.5, 0.26)), ZONE, FaceFit.STEADY_MS));

        // A moment's jump does not flash the oval; one that holds does change it.
        FacePlacement away = at(0.8, 0.5, 0.26);
        assertEquals(Advice.FITS, fit.advise(Optional.of(away), ZONE, 3_100));
        assertEquals(Advice.FITS, fit.advise(Optional.of(at(0.5, 0.5, 0.26)), ZONE, 3_200));
        assertEquals(Advice.FITS, fit.advise(Optional.of(away), ZONE, 3_300));
        assertEquals(Advice.MOVE_RIGHT, fit.advise(Optional.of(away), ZONE, 3_300 + FaceFit.STEADY_MS));
        assertEquals(Advice.MOVE_RIGHT, fit.advise(Optional.empty(), ZONE, 3_800));
        assertEquals(Advice.SHOW_FACE, fit.advise(Optional.empty(), ZONE, 3_800 + FaceFit.STEADY_MS));
    }

    @Test
    void theOvalIsDrawnAtTheMiddleOfTheRangeAndKeepsAFacesProportionsInAnyFrame() {
        assertEquals(Math.sqrt(0.16 * 0.32), FaceTarget.centred(0.16, 0.32).width(), 1e-12);
        assertEquals(FaceTarget.FACE_HEIGHT_OVER_WIDTH * 16 / 9, FaceTarget.STANDARD.height(16.0 / 9) / FaceTarget.STANDARD.width(),
                1e-9);
    }
}
