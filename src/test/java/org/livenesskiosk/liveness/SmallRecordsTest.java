package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The small rules of the liveness records that the session's tests do not reach one by one. */
class SmallRecordsTest {

    @Test
    void aStricterLevelScalesBothThresholdsNotTheDurations() {
        ActionSignal strict = ActionSignal.MOUTH.scaled(2);

        assertEquals(0.6, strict.enter(), 1e-12);
        assertEquals(0.3, strict.exit(), 1e-12);
        assertEquals(ActionSignal.MOUTH.minDurationMs(), strict.minDurationMs());
    }

    @Test
    void anExitEqualToTheEnterLeavesNoHysteresisAndIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ActionSignal(ActionType.MOUTH, "mouthOpening",
                metrics -> metrics.mouthOpening(), (value, baseline) -> value - baseline, 0.5, false, 0.3, 0.3, 0.5, 1, 100, 1_000));
    }

    @Test
    void aResultWithAnErrorIsNoSuccess() {
        SessionResult failed = new SessionResult(Optional.of(LivenessError.ACTION_TIMEOUT), "", List.of(), List.of(), 0,
                PassiveCues.none(), Optional.empty(), Optional.empty());
        SessionResult passed = new SessionResult(Optional.empty(), "", List.of(), List.of(), 0, PassiveCues.none(), Optional.empty(),
                Optional.empty());

        assertFalse(failed.success());
        assertEquals("ACTION_TIMEOUT", failed.code());
        assertTrue(passed.success());
        assertEquals("SUCCESS", passed.code());
    }

    @Test
    void eachPromptHasItsMessageKey() {
        assertEquals("prompt.turnHead", Prompt.forAction(ActionType.POS_YAW).key());
    }
}
