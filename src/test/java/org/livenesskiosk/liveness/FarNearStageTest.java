package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** The far/near stage before the preparation: its order, its hold, its time limit, its evidence and its cue. */
class FarNearStageTest {

    private static final List<ActionType> BLINK_THEN_MOUTH = List.of(ActionType.BLINK, ActionType.MOUTH);
    private static final LivenessConfig CONFIG = LivenessConfig.defaults().withActions(BLINK_THEN_MOUTH, false);
    /** 100 frames a second, so that times are exact. */
    private static final int FPS = 100;
    /** At the default 40–80 cm and 60°: the far target is 104 pixels of 640, the near one 208. */
    private static final double FAR_PX = CONFIG.farFaceSize() * ScriptedFrames.WIDTH;
    private static final double NEAR_PX = CONFIG.nearFaceSize() * ScriptedFrames.WIDTH;

    private static LivenessSession session() {
        return new LivenessSession(CONFIG, BLINK_THEN_MOUTH);
    }

    /** Far for the hold and a little more, near likewise, then back to where the actions are done, and both actions. */
    private static ScriptedFrames farThenNearThenActions(ScriptedFrames script) {
        return script.then(400, s -> s.faceWidth(FAR_PX)).then(400, s -> s.faceWidth(NEAR_PX * 0.95))
                .then(1_000, s -> s.faceWidth(160)).blinkThenOpenMouth();
    }

    @Test
    void aFaceThatComesFromFarToNearPassesTheStageThenTheActions() {
        LivenessSession session = session();
        List<SessionUpdate> updates = farThenNearThenActions(new ScriptedFrames(FPS)).run(session);
        SessionResult result = session.result().orElseThrow();

        assertTrue(result.success(), result.toString());
        assertEquals(List.of(SessionState.FAR, SessionState.NEAR, SessionState.PREPARING, SessionState.ACTING, SessionState.FINISHED),
                updates.stream().map(SessionUpdate::state).distinct().toList());
        SessionUpdate near = updates.stream().filter(update -> update.state() == SessionState.NEAR).findFirst().orElseThrow();
        assertEquals(OptionalDouble.of(CONFIG.farFaceSize()), updates.get(0).targetFaceSize());
        assertEquals(OptionalDouble.of(CONFIG.nearFaceSize()), near.targetFaceSize());
        assertEquals(OptionalDouble.empty(), updates.get(updates.size() - 1).targetFaceSize());
        // Each stage tells the oval the zone it judges by.
        assertEquals(CONFIG.farFaceSize() * LivenessSession.FAR_BELOW, updates.get(0).zone().minWidth(), 1e-12);
        assertEquals(CONFIG.farFaceSize() * LivenessSession.FAR_ABOVE, updates.get(0).zone().maxWidth(), 1e-12);
        assertEquals(CONFIG.nearFaceSize() * LivenessSession.NEAR_BELOW, near.zone().minWidth(), 1e-12);
        assertEquals(new Preparation(CONFIG).zone(), updates.get(updates.size() - 1).zone());
        // The far end is reached after its 300 ms hold (frame 30), the near end 300 ms after the face came near.
        assertEquals(List.of(EvidenceSlot.FAR), updates.get(30).keep());
        assertEquals(List.of(EvidenceSlot.NEAR), updates.get(70).keep());
        assertEquals(new FarNearResult(300, 700, result.farNear().orElseThrow().perspective()), result.farNear().orElseThrow());
        assertEquals(Optional.of(Prompt.NEAR_FACE), updates.get(31).prompt());
    }

    @Test
    void theStageHoldsEachEndForItsWholeTimeNotAFrameLess() {
        LivenessSession session = session();
        List<SessionUpdate> updates = new ScriptedFrames(FPS).then(LivenessSession.FAR_NEAR_HOLD_MS, s -> s.faceWidth(FAR_PX))
                .then(500, s -> s.faceWidth(160)).run(session);

        assertTrue(updates.stream().allMatch(update -> update.state() == SessionState.FAR), "held 300 ms less one frame");
        assertTrue(updates.stream().noneMatch(update -> update.keep().contains(EvidenceSlot.FAR)));
    }

    @Test
    void theStageRunsBeforeThePreparationAndHasItsOwnTimeLimitFailingAsAPreparationTimeout() {
        long limit = CONFIG.farNearTimeLimitMs();
        LivenessSession session = session();
        // The customer stands where the actions are done and never steps back.
        List<SessionUpdate> updates = new ScriptedFrames(FPS).hold(limit + 500).run(session);
        SessionResult result = session.result().orElseThrow();

        assertEquals(Optional.of(LivenessError.PREPARE_TIMEOUT), result.error());
        assertEquals(limit + 10, result.durationMs(), "ends the first frame past the limit");
        assertEquals(Optional.of(Prompt.FAR_FACE), updates.get(0).prompt(), "a face of the usual size is asked to step back");
        assertEquals(SessionState.FAR, updates.get((int) (limit / 10)).state(), "still asking at the limit itself");
        assertTrue(result.detail().contains("far/near"), result.detail());
    }

    @Test
    void aFaceThatOnlyComesNearNeverPassesTheStage() {
        LivenessSession session = session();
        new ScriptedFrames(FPS).hold(500).then(CONFIG.farNearTimeLimitMs(), s -> s.faceWidth(NEAR_PX)).run(session);

        assertEquals(Optional.of(LivenessError.PREPARE_TIMEOUT), session.result().orElseThrow().error());
    }

    @Test
    void anotherFaceAtTheNearEndStartsTheStageOver() {
        LivenessSession session = session();
        List<SessionUpdate> updates = new ScriptedFrames(FPS).then(400, s -> s.faceWidth(FAR_PX))
                .then(400, s -> s.faceWidth(NEAR_PX).trackId(2)).run(session);

        assertEquals(SessionState.FAR, updates.get(updates.size() - 1).state());
        assertTrue(updates.stream().noneMatch(update -> update.keep().contains(EvidenceSlot.NEAR)));
    }

    @Test
    void aRecordingThatEndsDuringTheStageIsAPreparationTimeout() {
        LivenessSession session = session();
        new ScriptedFrames(FPS).then(400, s -> s.faceWidth(FAR_PX)).run(session);

        assertEquals(Optional.of(LivenessError.PREPARE_TIMEOUT), session.endOfInput(400).result().orElseThrow().error());
    }

    @Test
    void withoutTheStageTheSessionBeginsWithThePreparation() {
        LivenessSession session = new LivenessSession(CONFIG.withFarNear(false, CONFIG.farNearTimeLimitMs()), BLINK_THEN_MOUTH);

        assertEquals(SessionState.PREPARING, session.state());
        assertEquals(Optional.empty(), new ScriptedFrames(FPS).hold(1_500).blinkThenOpenMouth().run(session).stream()
                .flatMap(update -> update.targetFaceSize().stream().boxed()).findAny());
        assertFalse(session.result().orElseThrow().farNear().isPresent());
    }

    @Test
    void aRealFaceComingCloserChangesItsProportionsAndAFlatPictureDoesNot() {
        LivenessSession real = session();
        farThenNearThenActions(new ScriptedFrames(FPS)).run(real);
        LivenessSession flat = session();
        farThenNearThenActions(new ScriptedFrames(FPS).flat()).run(flat);

        Perspective.Cue realCue = real.result().orElseThrow().farNear().orElseThrow().perspective().orElseThrow();
        Perspective.Cue flatCue = flat.result().orElseThrow().farNear().orElseThrow().perspective().orElseThrow();
        assertEquals(Perspective.Verdict.LIVE, realCue.verdict(), realCue.toString());
        assertEquals(Perspective.Verdict.ATTACK, flatCue.verdict(), flatCue.toString());
        assertEquals(1, realCue.ratio(), 0.3, "a textbook pinhole face meets the expectation: " + realCue);
        assertEquals(0, flatCue.ratio(), 0.01, flatCue.toString());
    }
}
