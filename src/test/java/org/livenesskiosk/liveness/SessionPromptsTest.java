package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/**
 * What the customer is told at each turn of a session, and the time left they are shown: the
 * preparation's own limit, then each action's from the moment it is asked, then the short wait for
 * the best image. The limits differ (6 s, 8 s, 3 s) so that each shows which one is counted.
 */
class SessionPromptsTest {

    private static final List<ActionType> BLINK_THEN_MOUTH = List.of(ActionType.BLINK, ActionType.MOUTH);
    private static final long PREPARE_MS = 6_000;
    private static final long ACTION_MS = 8_000;

    private static List<SessionUpdate> run(ScriptedFrames script) {
        LivenessConfig config = LivenessConfig.defaults().withActions(BLINK_THEN_MOUTH, false).withTimeLimits(ACTION_MS, PREPARE_MS)
                .withFarNear(false, LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS);
        return script.run(new LivenessSession(config, BLINK_THEN_MOUTH));
    }

    private static SessionUpdate first(List<SessionUpdate> updates, Predicate<SessionUpdate> which) {
        return updates.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such update"));
    }

    @Test
    void aReadyCustomerIsAskedToHoldStillAgainstThePreparationsLimit() {
        SessionUpdate update = run(new ScriptedFrames(10).hold(300)).get(2);

        assertEquals(SessionState.PREPARING, update.state());
        assertEquals(Optional.of(Prompt.HOLD_STILL), update.prompt());
        assertEquals(PREPARE_MS - 200, update.remainingMs());
    }

    @Test
    void theFirstActionIsAskedWithItsWholeTime() {
        SessionUpdate start = first(run(new ScriptedFrames(10).hold(1_000)), update -> update.state() == SessionState.ACTING);

        assertEquals(Optional.of(Prompt.BLINK), start.prompt());
        assertEquals(ACTION_MS, start.remainingMs());
    }

    @Test
    void theNextActionIsAskedWithItsWholeTimeOnceThePreviousIsSeen() {
        SessionUpdate second = first(run(new ScriptedFrames(30).hold(1_500).blinkThenOpenMouth()), update -> update.step() == 2);

        assertEquals(Optional.of(Prompt.OPEN_MOUTH), second.prompt());
        assertEquals(ACTION_MS, second.remainingMs());
    }

    @Test
    void withoutABestImageYetTheCustomerHoldsStillForTheGrace() {
        ScriptedFrames blurred = new ScriptedFrames(30).then(1_500, s -> s.sharpness(10)).blinkThenOpenMouth();

        SessionUpdate waiting = first(run(blurred), update -> update.step() == 2 && update.prompt().equals(Optional.of(Prompt.HOLD_STILL)));

        assertEquals(LivenessSession.BEST_IMAGE_GRACE_MS, waiting.remainingMs());
    }
}
