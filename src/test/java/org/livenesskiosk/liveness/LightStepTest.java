package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.vision.FrameAnalysis;

/** The light step at the end of a session: each of its rules reached, and a near miss of it not reached. */
class LightStepTest {

    private static final List<ActionType> BLINK_THEN_MOUTH = List.of(ActionType.BLINK, ActionType.MOUTH);
    /** One frame at 30 fps, the scripts' rate. */
    private static final long FRAME_MS = 34;

    private static LivenessSession session(boolean light) {
        return new LivenessSession(LivenessConfig.defaults().withActions(BLINK_THEN_MOUTH, false)
                .withFarNear(false, LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS).withLight(light), BLINK_THEN_MOUTH);
    }

    /** The customer's actions, then {@code afterMs} more of the scene {@code after}. */
    private static ScriptedFrames actionsThen(long afterMs, UnaryOperator<ScriptedFrames.Scene> after) {
        return new ScriptedFrames(30).hold(1_500).blinkThenOpenMouth().then(afterMs, after);
    }

    /** A frame's update, with the time of its frame. */
    private record Seen(long timeMs, SessionUpdate update) {
    }

    /**
     * Runs the frames; at each frame of the step the kiosk is asked what the screen showed, given
     * when the step began and the frame's time (null: not all shown yet).
     */
    private static List<Seen> run(LivenessSession session, ScriptedFrames script,
                                  BiFunction<Long, Long, List<LightSequence.Shown>> kiosk) {
        List<Seen> seen = new ArrayList<>();
        long stepFromMs = -1;
        for (FrameAnalysis frame : script.frames()) {
            if (session.state() == SessionState.LIGHT) {
                List<LightSequence.Shown> shown = kiosk.apply(stepFromMs, frame.timestampMs());
                if (shown != null) {
                    session.lightShown(shown);
                }
            }
            SessionUpdate update = session.accept(frame);
            seen.add(new Seen(frame.timestampMs(), update));
            if (update.state() == SessionState.LIGHT && stepFromMs < 0) {
                stepFromMs = frame.timestampMs();
            }
            if (update.state() == SessionState.FINISHED) {
                break;
            }
        }
        return seen;
    }

    /** Two colours, 500 ms each, from 200 ms into the step, told once both have been shown. */
    private static List<LightSequence.Shown> twoColours(long stepFromMs, long nowMs) {
        long from = stepFromMs + 200;
        return nowMs < from + 1_000 ? null
                : List.of(new LightSequence.Shown(0xFF0000, from, from + 500), new LightSequence.Shown(0x00FF00, from + 500, from + 1_000));
    }

    @Test
    void afterTheActionsTheCustomerHoldsStillUntilTheColoursAndTheirAnswerAreRecorded() {
        LivenessSession session = session(true);
        List<Seen> seen = run(session, actionsThen(5_000, scene -> scene), LightStepTest::twoColours);
        SessionResult result = session.result().orElseThrow();

        assertTrue(result.success(), result.toString());
        SessionResult.LightStep step = result.light().orElseThrow();
        assertEquals(2, step.shown().size());
        List<Seen> during = seen.stream().filter(frame -> frame.update().state() == SessionState.LIGHT).toList();
        assertEquals(step.fromMs(), during.get(0).timeMs(), "the step began after the last action, once the best image was kept");
        assertTrue(step.fromMs() >= result.actions().get(1).atMs());
        assertTrue(during.stream().allMatch(frame -> frame.update().prompt().equals(Optional.of(Prompt.LIGHT))));
        assertTrue(during.stream().allMatch(frame -> frame.update().keep().isEmpty()), "no frame of the step is evidence");
        long answered = step.shown().get(1).toMs() + LivenessSession.LIGHT_TAIL_MS;
        long endedMs = seen.get(seen.size() - 1).timeMs();
        assertTrue(endedMs >= answered && endedMs < answered + FRAME_MS, "ended at " + endedMs + ", the answer recorded at " + answered);
        assertTrue(during.get(during.size() - 1).timeMs() < answered, "a frame before the answer's end is still the step");
    }

    @Test
    void withoutTheLightTheSessionEndsOnceTheActionsAndTheBestImageAreDone() {
        LivenessSession session = session(false);
        List<Seen> seen = run(session, actionsThen(5_000, scene -> scene), LightStepTest::twoColours);

        assertTrue(session.result().orElseThrow().success());
        assertEquals(Optional.empty(), session.result().orElseThrow().light());
        assertTrue(seen.stream().noneMatch(frame -> frame.update().state() == SessionState.LIGHT));
    }

    @Test
    void aKioskThatShowsNoLightEndsTheStepAtOnceAndSaysSo() {
        LivenessSession session = session(true);
        List<Seen> seen = run(session, actionsThen(5_000, scene -> scene), (from, now) -> List.of());
        SessionResult result = session.result().orElseThrow();

        assertTrue(result.success());
        assertEquals(List.of(), result.light().orElseThrow().shown());
        assertEquals(1, seen.stream().filter(frame -> frame.update().state() == SessionState.LIGHT).count());
    }

    @Test
    void aStepThatNeverEndsEndsAtItsLimitWithoutTheLight() {
        LivenessSession session = session(true);
        List<Seen> seen = run(session, actionsThen(LivenessSession.LIGHT_TIME_LIMIT_MS + 2_000, scene -> scene), (from, now) -> null);
        SessionResult result = session.result().orElseThrow();

        assertTrue(result.success());
        assertEquals(List.of(), result.light().orElseThrow().shown());
        long lasted = seen.get(seen.size() - 1).timeMs() - result.light().orElseThrow().fromMs();
        assertTrue(lasted > LivenessSession.LIGHT_TIME_LIMIT_MS && lasted <= LivenessSession.LIGHT_TIME_LIMIT_MS + FRAME_MS,
                "the step lasted " + lasted + " ms");
    }

    @Test
    void walkingAwayDuringTheColoursIsMuchMotion() {
        LivenessSession session = session(true);
        run(session, actionsThen(300, scene -> scene).then(3_000, scene -> scene.at(320 + 160, 240)), LightStepTest::twoColours);

        assertEquals(Optional.of(LivenessError.MUCH_MOTION), session.result().orElseThrow().error());
    }

    @Test
    void swayingALittleDuringTheColoursStillPasses() {
        LivenessSession session = session(true);
        run(session, actionsThen(300, scene -> scene).then(3_000, scene -> scene.at(320 + 60, 250)), LightStepTest::twoColours);

        assertTrue(session.result().orElseThrow().success());
    }

    @Test
    void theRecordingEndingDuringTheStepKeepsTheCustomersSuccess() {
        LivenessSession session = session(true);
        List<Seen> seen = run(session, actionsThen(300, scene -> scene), (from, now) -> null);
        assertEquals(SessionState.LIGHT, session.state());

        session.endOfInput(seen.get(seen.size() - 1).timeMs());

        assertTrue(session.result().orElseThrow().success());
    }

    @Test
    void theColoursSayNothingOfTheFacesTexture() {
        LivenessSession session = session(true);
        List<FrameAnalysis> frames = actionsThen(3_000, scene -> scene).frames();
        for (FrameAnalysis frame : frames) {
            if (session.state() == SessionState.LIGHT) {
                assertFalse(session.wantsTexture(frame));
                return;
            }
            session.accept(frame);
        }
        throw new AssertionError("the session never reached the light step");
    }
}
