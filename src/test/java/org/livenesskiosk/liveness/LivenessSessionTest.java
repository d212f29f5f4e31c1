package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of the session reached by its script, and a near miss of it not reached. */
class LivenessSessionTest {

    private static final List<ActionType> BLINK_THEN_MOUTH = List.of(ActionType.BLINK, ActionType.MOUTH);

    private static LivenessSession session(List<ActionType> plan) {
        return new LivenessSession(LivenessConfig.defaults().withActions(plan, false).withFarNear(false, LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS), plan);
    }

    private static SessionResult resultOf(ScriptedFrames script, List<ActionType> plan) {
        LivenessSession session = session(plan);
        script.run(session);
        return session.result().orElseThrow(() -> new AssertionError("the session did not finish"));
    }

    /** Ready for a second, then blinks, then opens the mouth, each after a short pause. */
    private static ScriptedFrames blinkThenMouth(double framesPerSecond) {
        return new ScriptedFrames(framesPerSecond).hold(1_500).blinkThenOpenMouth();
    }

    private static Optional<LivenessError> errorOf(ScriptedFrames script) {
        return resultOf(script, BLINK_THEN_MOUTH).error();
    }

    @Test
    void succeedsWhenEveryActionIsSeen() {
        LivenessSession session = session(BLINK_THEN_MOUTH);
        List<SessionUpdate> updates = blinkThenMouth(30).run(session);
        SessionResult result = session.result().orElseThrow();

        assertTrue(result.success(), result.toString());
        assertEquals("SUCCESS", result.code());
        assertEquals(BLINK_THEN_MOUTH, result.actions().stream().map(ActionRecord::action).toList());
        assertEquals(1650, result.actions().get(0).atMs(), 40);
        assertEquals(List.of("eyeAspectRatio", "mouthOpening"), result.traces().stream().map(MetricTrace::metric).toList());
        List<EvidenceSlot> kept = updates.stream().flatMap(update -> update.keep().stream()).distinct().toList();
        assertTrue(kept.containsAll(List.of(EvidenceSlot.NEUTRAL, EvidenceSlot.BEST, EvidenceSlot.peakOf(ActionType.BLINK),
                EvidenceSlot.peakOf(ActionType.MOUTH))), kept.toString());
    }

    @Test
    void guidesThroughTheStepsWithTheTimeLeft() {
        LivenessSession session = session(BLINK_THEN_MOUTH);
        List<SessionUpdate> updates = new ScriptedFrames(30).then(1_000, s -> s.at(100, 240)).then(1_000, s -> s.at(320, 240))
                .run(session);

        SessionUpdate offCentre = updates.get(15);
        assertEquals(SessionState.PREPARING, offCentre.state());
        assertEquals(Optional.of(Prompt.CENTER_FACE), offCentre.prompt());
        assertEquals(10_000 - 500, offCentre.remainingMs(), 40);
        SessionUpdate asking = updates.get(updates.size() - 1);
        assertEquals(SessionState.ACTING, asking.state());
        assertEquals(1, asking.step());
        assertEquals(2, asking.steps());
        assertEquals(Optional.of(Prompt.BLINK), asking.prompt());
    }

    @Test
    void anActionNotSeenInTimeIsActionTimeout() {
        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), errorOf(new ScriptedFrames(30).hold(12_000)));
    }

    @Test
    void anActionSeenJustInTimeCounts() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).hold(9_000).briefly(150, s -> s.eyes(0.15)).hold(300);
        SessionResult result = resultOf(script, List.of(ActionType.BLINK));

        assertTrue(result.success(), result.toString());
    }

    @Test
    void anActionDoneBeforeItWasAskedDoesNotCount() {
        // The blink comes while the face is still off-centre, so before the blink is asked for.
        ScriptedFrames script = new ScriptedFrames(30).then(700, s -> s.at(100, 240)).briefly(150, s -> s.eyes(0.15))
                .hold(300).then(11_000, s -> s.at(320, 240));

        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), resultOf(script, List.of(ActionType.BLINK)).error());
    }

    @Test
    void anActionBegunBeforeItWasAskedDoesNotCount() {
        // The mouth opens while the blink is asked for and closes once the mouth is: it began too early.
        ScriptedFrames script = new ScriptedFrames(30).hold(1_500).then(300, s -> s.mouth(0.6))
                .briefly(150, s -> s.eyes(0.15)).hold(300).then(11_000, s -> s.mouth(0.02));

        SessionResult result = resultOf(script, BLINK_THEN_MOUTH);

        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), result.error());
        assertEquals(List.of(ActionType.BLINK), result.actions().stream().map(ActionRecord::action).toList());
    }

    @Test
    void noUsableFaceInTimeIsPrepareTimeout() {
        assertEquals(Optional.of(LivenessError.PREPARE_TIMEOUT), errorOf(new ScriptedFrames(30).then(11_000, s -> s.yaw(30))));
    }

    @Test
    void aFaceSetRightJustInTimeStartsTheActions() {
        LivenessSession session = session(BLINK_THEN_MOUTH);
        new ScriptedFrames(30).then(9_000, s -> s.yaw(30)).then(1_000, s -> s.yaw(0)).run(session);

        assertEquals(SessionState.ACTING, session.state());
    }

    @Test
    void aDarkFaceIsWeakLight() {
        assertEquals(Optional.of(LivenessError.WEAK_LIGHT), errorOf(new ScriptedFrames(30).then(11_000, s -> s.light(35, 0.7, 0))));
    }

    @Test
    void aBlownOutFaceIsStrongLight() {
        assertEquals(Optional.of(LivenessError.STRONG_LIGHT), errorOf(new ScriptedFrames(30).then(11_000, s -> s.light(215, 0, 0.4))));
    }

    @Test
    void aDimButUsableFaceIsNoLightProblem() {
        ScriptedFrames script = new ScriptedFrames(30).then(1_500, s -> s.light(70, 0.3, 0)).blinkThenOpenMouth();

        assertTrue(resultOf(script, BLINK_THEN_MOUTH).success());
    }

    @Test
    void nobodyInFrontOfTheCameraIsFaceMissing() {
        assertEquals(Optional.of(LivenessError.FACE_MISSING), errorOf(new ScriptedFrames(30).then(11_000, s -> s.faces(0))));
    }

    @Test
    void aFaceGoneForASecondDuringTheActionsIsFaceMissing() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).briefly(1_100, s -> s.faces(0)).hold(5_000);

        assertEquals(Optional.of(LivenessError.FACE_MISSING), errorOf(script));
    }

    @Test
    void aFaceLostForAMomentIsStillThere() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).briefly(600, s -> s.faces(0)).hold(1_000).blinkThenOpenMouth();

        assertTrue(resultOf(script, BLINK_THEN_MOUTH).success());
    }

    @Test
    void aSecondFaceDuringTheActionsIsMultipleFace() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).briefly(600, s -> s.faces(2)).hold(5_000);

        assertEquals(Optional.of(LivenessError.MULTIPLE_FACE), errorOf(script));
    }

    @Test
    void aSecondFaceForAFewFramesIsIgnored() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).briefly(300, s -> s.faces(2)).hold(500).blinkThenOpenMouth();

        assertTrue(resultOf(script, BLINK_THEN_MOUTH).success());
    }

    @Test
    void twoPeopleThroughoutThePreparationIsMultipleFace() {
        assertEquals(Optional.of(LivenessError.MULTIPLE_FACE), errorOf(new ScriptedFrames(30).then(11_000, s -> s.faces(2))));
    }

    @Test
    void walkingAwayDuringTheActionsIsMuchMotion() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).then(500, s -> s.at(320 + 160, 240)).hold(5_000);

        assertEquals(Optional.of(LivenessError.MUCH_MOTION), errorOf(script));
    }

    @Test
    void steppingForwardDuringTheActionsIsMuchMotion() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).then(500, s -> s.faceWidth(240)).hold(5_000);

        assertEquals(Optional.of(LivenessError.MUCH_MOTION), errorOf(script));
    }

    @Test
    void swayingALittleIsNoMotionProblem() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).then(500, s -> s.at(320 + 60, 250).faceWidth(180)).blinkThenOpenMouth();

        assertTrue(resultOf(script, BLINK_THEN_MOUTH).success());
    }

    @Test
    void aFaceSwappedForAnotherMidBlinkCompletesNothing() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000)
                .briefly(90, s -> s.eyes(0.15)).then(60, s -> s.eyes(0.15).trackId(2)).then(11_000, s -> s.eyes(0.30));

        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), resultOf(script, List.of(ActionType.BLINK)).error());
    }

    @Test
    void aFaceThatJumpsMidBlinkCompletesNothing() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000)
                .briefly(90, s -> s.eyes(0.15)).then(60, s -> s.eyes(0.15).at(320 + 70, 240)).then(11_000, s -> s.eyes(0.30));

        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), resultOf(script, List.of(ActionType.BLINK)).error());
    }

    @Test
    void noSharpFrameForTheBestImageIsNoUploadImage() {
        ScriptedFrames script = new ScriptedFrames(30).then(1_500, s -> s.sharpness(10)).blinkThenOpenMouth()
                .hold(LivenessSession.BEST_IMAGE_GRACE_MS + 500);

        assertEquals(Optional.of(LivenessError.NO_UPLOAD_IMAGE), errorOf(script));
    }

    /** The customer blinks at once; the frames during the preparation were the good ones. */
    @Test
    void theBestImageMayComeFromThePreparation() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_500).then(0, s -> s.sharpness(10)).blinkThenOpenMouth();

        assertTrue(resultOf(script, BLINK_THEN_MOUTH).success());
    }

    @Test
    void aGoodFrameShortlyAfterTheLastActionStillPasses() {
        LivenessSession session = session(BLINK_THEN_MOUTH);
        List<SessionUpdate> updates = new ScriptedFrames(30).then(1_500, s -> s.sharpness(10)).blinkThenOpenMouth()
                .hold(LivenessSession.BEST_IMAGE_GRACE_MS / 2).then(1_000, s -> s.sharpness(500)).run(session);

        assertTrue(session.result().orElseThrow().success(), session.result().toString());
        assertEquals(Optional.of(Prompt.HOLD_STILL), updates.get(updates.size() - 2).prompt());
    }

    /** Waiting, people shift their weight and move their head a little, all the time; they are still ready. */
    @Test
    void aFidgetingButCooperativeFaceGetsReady() {
        ScriptedFrames script = new ScriptedFrames(30);
        for (int i = 0; i < 20; i++) {
            // About two face widths a second back and forth, but never more than a tenth of a face width away.
            script.then(100, s -> s.at(320 + 12, 236).pitch(4)).then(100, s -> s.at(320 - 4, 246).pitch(-3).yaw(5));
        }
        LivenessSession session = session(BLINK_THEN_MOUTH);
        script.run(session);

        assertEquals(SessionState.ACTING, session.state());
    }

    @Test
    void aFaceThatKeepsDriftingAwayIsNeverReady() {
        ScriptedFrames script = new ScriptedFrames(30);
        // Half a face width a second, across the frame and back: never in one place for half a second.
        for (int step = 0; step < 120; step++) {
            double x = 320 - 100 + Math.abs(200 - (step * 8) % 400);
            script.then(100, s -> s.at(x, 240));
        }

        assertEquals(Optional.of(LivenessError.PREPARE_TIMEOUT), errorOf(script));
    }

    @Test
    void cancellingIsUserGiveUp() {
        LivenessSession session = session(BLINK_THEN_MOUTH);
        new ScriptedFrames(30).hold(2_000).run(session);
        SessionUpdate update = session.cancel(2_000);

        assertEquals(SessionState.FINISHED, update.state());
        assertEquals(Optional.of(LivenessError.USER_GIVE_UP), update.result().orElseThrow().error());
    }

    @Test
    void aCameraFailureEndsTheSessionWithItsCode() {
        LivenessSession session = session(BLINK_THEN_MOUTH);
        new ScriptedFrames(30).hold(500).run(session);
        session.abort(LivenessError.DEVICE_NOT_SUPPORT, "camera unplugged", 500);
        // A finished session stays finished, whatever comes after.
        new ScriptedFrames(30).hold(500).run(session);

        assertEquals(Optional.of(LivenessError.DEVICE_NOT_SUPPORT), session.result().orElseThrow().error());
        assertEquals("camera unplugged", session.result().orElseThrow().detail());
    }

    @ParameterizedTest
    @ValueSource(doubles = {12, 15, 25, 30, 60})
    void theSameScriptGivesTheSameResultAtAnyFrameRate(double framesPerSecond) {
        SessionResult result = resultOf(blinkThenMouth(framesPerSecond), BLINK_THEN_MOUTH);

        assertTrue(result.success(), result.toString());
        assertEquals(1650, result.actions().get(0).atMs(), 1000 / framesPerSecond + 1);
    }
}
