package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;

/** What the kiosk says of a result, in the order the screen shows it, without a display. */
class SpokenTest {

    @Test
    void aResultIsSaidAsItIsShown() {
        assertEquals(List.of(UiText.RESULT_FAILURE_TITLE.key(), Prompt.MORE_LIGHT.key()),
                Spoken.result(CustomerResult.of(KioskOutcome.failed(LivenessError.WEAK_LIGHT, "dark"), 1, 2)));
        assertEquals(List.of(UiText.RESULT_FAILURE_TITLE.key(), UiText.RESULT_ASK_STAFF.key(), Prompt.MORE_LIGHT.key()),
                Spoken.result(CustomerResult.of(KioskOutcome.failed(LivenessError.WEAK_LIGHT, "dark"), 3, 2)),
                "no retry left: staff, then the tip, as the screen shows them");
        assertEquals(List.of(UiText.RESULT_KIOSK_UNAVAILABLE.key(), UiText.RESULT_ASK_STAFF.key()),
                Spoken.result(CustomerResult.of(KioskOutcome.failed(LivenessError.MODEL_ERROR, "model"), 1, 2)));
        assertEquals(List.of(UiText.RESULT_STOPPED.key()),
                Spoken.result(new CustomerResult(CustomerResult.Outcome.STOPPED, Optional.empty(), true)));
    }

    @Test
    void everyLineSaidHasARecordingKey() {
        for (CustomerResult.Outcome outcome : CustomerResult.Outcome.values()) {
            for (boolean retry : new boolean[] {true, false}) {
                List<String> said = Spoken.result(new CustomerResult(outcome, Optional.of(Prompt.HOLD_STILL), retry));
                assertTrue(Spoken.keys().containsAll(said), said.toString());
            }
        }
        Spoken.DIRECTIONS.forEach(direction -> assertTrue(Spoken.keys().contains(direction.key())));
    }
}
