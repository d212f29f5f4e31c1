package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.vision.FrameAnalysis;

/**
 * A recording that ends before the session does ends it as its time limit would have. The frames
 * start at 5 s, as a clip cut from a longer one does: the duration counts from the first frame.
 */
class EndOfInputTest {

    private static final long START_MS = 5_000;
    private static final List<ActionType> BLINK_THEN_MOUTH = List.of(ActionType.BLINK, ActionType.MOUTH);

    private static SessionResult endedAfter(ScriptedFrames script, long endMs) {
        LivenessSession session = new LivenessSession(LivenessConfig.defaults().withActions(BLINK_THEN_MOUTH, false).withFarNear(false, LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS),
                BLINK_THEN_MOUTH);
        for (FrameAnalysis frame : script.frames()) {
            session.accept(new FrameAnalysis(frame.index(), START_MS + frame.timestampMs(), frame.frameWidth(),
                    frame.frameHeight(), frame.faces(), frame.otherFaces(), frame.texture()));
        }
        assertTrue(session.state() != SessionState.FINISHED, "the script itself must not finish the session");
        SessionUpdate last = session.endOfInput(START_MS + endMs);
        assertEquals(SessionState.FINISHED, last.state());
        return session.result().orElseThrow();
    }

    @Test
    void duringThePreparationItIsWhatWasWrong() {
        SessionResult result = endedAfter(new ScriptedFrames(30).then(2_000, s -> s.light(30, 0.6, 0)), 2_500);

        assertEquals(Optional.of(LivenessError.WEAK_LIGHT), result.error());
        assertEquals(2_500, result.durationMs());
    }

    @Test
    void duringAnActionItIsThatActionsTimeout() {
        SessionResult result = endedAfter(new ScriptedFrames(30).hold(1_500).briefly(150, s -> s.eyes(0.15)).hold(500), 3_000);

        assertEquals(Optional.of(LivenessError.ACTION_TIMEOUT), result.error());
        assertTrue(result.detail().contains("MOUTH"), result.detail());
        assertEquals(List.of(ActionType.BLINK), result.actions().stream().map(ActionRecord::action).toList());
        assertEquals(3_000, result.durationMs());
    }

    @Test
    void afterEveryActionWithoutASharpFrameItIsNoUploadImage() {
        ScriptedFrames blurred = new ScriptedFrames(30).then(1_500, s -> s.sharpness(10)).blinkThenOpenMouth();

        SessionResult result = endedAfter(blurred, 4_000);

        assertEquals(Optional.of(LivenessError.NO_UPLOAD_IMAGE), result.error());
        assertEquals(BLINK_THEN_MOUTH, result.actions().stream().map(ActionRecord::action).toList());
    }

    @Test
    void theSessionKeepsItsPlan() {
        assertEquals(BLINK_THEN_MOUTH, new LivenessSession(LivenessConfig.defaults(), BLINK_THEN_MOUTH).plan());
    }
}
