package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Each hold time and limit of the session, tried exactly at it and one frame short: at 100 frames a
 * second, so that a stretch of frames spans a whole number of 10 ms steps. A session that breaks
 * no rule ends with ACTION_TIMEOUT here, as the scripts do not blink.
 */
class SessionLimitsTest {

    private static final double FPS = 100;
    private static final long FRAME_MS = 10;
    private static final long ACTING_STARTS_MS = LivenessSession.READY_HOLD_MS;

    private static SessionResult resultOf(ScriptedFrames script) {
        List<ActionType> plan = List.of(ActionType.BLINK);
        LivenessSession session = new LivenessSession(LivenessConfig.defaults().withActions(plan, false).withFarNear(false, LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS), plan);
        script.run(session);
        return session.result().orElseThrow(() -> new AssertionError("the session did not finish"));
    }

    /** Ready, the actions asked, then {@code change} for {@code durationMs}, then ready again until the end. */
    private static SessionResult during(long durationMs, UnaryOperator<ScriptedFrames.Scene> change) {
        return resultOf(new ScriptedFrames(FPS).hold(1_000).briefly(durationMs, change).hold(11_000));
    }

    @Test
    void aFaceMissingForItsWholeLimitIsFaceMissing() {
        // Frames without a face from t to t + 1000 ms: gone for the whole limit.
        SessionResult gone = during(LivenessSession.FACE_MISSING_MS + FRAME_MS, s -> s.faces(0));
        SessionResult back = during(LivenessSession.FACE_MISSING_MS, s -> s.faces(0));

        assertEquals(Optional.of(LivenessError.FACE_MISSING), gone.error());
        assertTrue(gone.detail().contains(LivenessSession.FACE_MISSING_MS + " ms"), gone.detail());
        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), back.error());
    }

    @Test
    void aSecondFaceForItsWholeLimitIsMultipleFace() {
        SessionResult two = during(LivenessSession.MULTIPLE_FACES_MS + FRAME_MS, s -> s.faces(2));
        SessionResult brief = during(LivenessSession.MULTIPLE_FACES_MS, s -> s.faces(2));

        assertEquals(Optional.of(LivenessError.MULTIPLE_FACE), two.error());
        assertTrue(two.detail().contains(LivenessSession.MULTIPLE_FACES_MS + " ms"), two.detail());
        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), brief.error());
    }

    @Test
    void aFaceMayMoveThreeQuartersOfItsWidthAndNoFurther() {
        // The face is 160 px wide at x = 320: 120 px is exactly 0.75 of its width.
        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), during(500, s -> s.at(320 + 120, 240)).error());
        SessionResult moved = during(500, s -> s.at(320 + 120.5, 240));
        assertEquals(Optional.of(LivenessError.MUCH_MOTION), moved.error());
        assertTrue(moved.detail().contains("moved"), moved.detail());
    }

    @Test
    void aFaceMayChangeSizeByAThirdAndALittleMore() {
        // 104 px of the first 160 is exactly 0.35 smaller.
        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), during(500, s -> s.faceWidth(104)).error());
        assertEquals(Optional.of(LivenessError.MUCH_MOTION), during(500, s -> s.faceWidth(103)).error());
    }

    @Test
    void anActionTimesOutOnTheFirstFramePastItsLimit() {
        SessionResult result = resultOf(new ScriptedFrames(FPS).hold(12_000));

        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), result.error());
        assertEquals(ACTING_STARTS_MS + LivenessConfig.defaults().actionTimeLimitMs() + FRAME_MS, result.durationMs());
    }

    @Test
    void thePreparationTimesOutOnTheFirstFramePastItsLimit() {
        SessionResult result = resultOf(new ScriptedFrames(FPS).then(12_000, s -> s.faces(0)));

        assertEquals(Optional.of(LivenessError.FACE_MISSING), result.error());
        assertEquals(LivenessConfig.defaults().prepareTimeLimitMs() + FRAME_MS, result.durationMs());
        assertEquals("preparation not completed in 10000 ms: last prompt \"look at camera\"", result.detail(),
                "the operator reads words, never a message key");
    }

    @Test
    void theWaitForABestImageEndsOnTheFirstFramePastItsGrace() {
        ScriptedFrames blurred = new ScriptedFrames(FPS).then(1_000, s -> s.sharpness(10)).briefly(150, s -> s.eyes(0.15))
                .hold(5_000);

        SessionResult result = resultOf(blurred);

        assertEquals(Optional.of(LivenessError.NO_UPLOAD_IMAGE), result.error());
        assertEquals(result.actions().get(0).atMs() + LivenessSession.BEST_IMAGE_GRACE_MS + FRAME_MS, result.durationMs());
    }
}
