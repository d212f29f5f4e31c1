package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.ui.FaceFit.Advice;
import org.livenesskiosk.ui.Guidance.Dot;

/** The detection screen's rules, without a display: one instruction, the green oval, the dots and the ticks. */
class GuidanceTest {

    private final Guidance guidance = new Guidance();

    private static SessionUpdate update(SessionState state, int step, Optional<Prompt> prompt) {
        Optional<ActionType> action = state == SessionState.ACTING ? Optional.of(step == 1 ? ActionType.MOUTH : ActionType.BLINK)
                : Optional.empty();
        return new SessionUpdate(state, step, 2, action, prompt, 5_000, Optional.empty(), List.of(), Optional.empty(),
                OptionalDouble.empty(), ScriptedBackend.ZONE);
    }

    @Test
    void whereTheSessionOnlySaysNotThereYetTheOvalsDirectionIsTheOneInstruction() {
        Guidance.Moment moment = guidance.next(update(SessionState.PREPARING, 0, Optional.of(Prompt.CENTER_FACE)), Advice.MOVE_UP);
        assertEquals(Optional.of(Advice.MOVE_UP), moment.direction());
        assertEquals(Optional.of(Prompt.CENTER_FACE), moment.instruction(), "spoken as the session's own words");
        assertFalse(moment.ovalGreen());

        Guidance.Moment tooDark = guidance.next(update(SessionState.PREPARING, 0, Optional.of(Prompt.MORE_LIGHT)), Advice.FITS);
        assertEquals(Optional.empty(), tooDark.direction(), "light is the session's to say: the oval has nothing to add");
        assertEquals(Optional.of(Prompt.MORE_LIGHT), tooDark.instruction());
        assertTrue(tooDark.ovalGreen());
    }

    @Test
    void whileAnActionIsAskedItIsTheOnlyInstructionAndTheOvalIsGreen() {
        for (Advice advice : Advice.values()) {
            Guidance.Moment moment = guidance.next(update(SessionState.ACTING, 1, Optional.of(Prompt.OPEN_MOUTH)), advice);
            assertEquals(Optional.of(Prompt.OPEN_MOUTH), moment.instruction(), advice.name());
            assertEquals(Optional.empty(), moment.direction(), advice.name());
            assertTrue(moment.ovalGreen(), "a head that turns or nods leaves the oval: it is still green, " + advice);
        }
    }

    @Test
    void eachActionSeenIsTickedAndTheDotsReadForwards() {
        Guidance.Moment preparing = guidance.next(update(SessionState.PREPARING, 0, Optional.of(Prompt.HOLD_STILL)), Advice.FITS);
        assertEquals(List.of(Dot.NOW, Dot.TO_COME, Dot.TO_COME), preparing.dots());
        Guidance.Moment mouth = guidance.next(update(SessionState.ACTING, 1, Optional.of(Prompt.OPEN_MOUTH)), Advice.FITS);
        assertFalse(mouth.actionDone());
        assertEquals(List.of(Dot.DONE, Dot.NOW, Dot.TO_COME), mouth.dots());
        assertFalse(guidance.next(update(SessionState.ACTING, 1, Optional.of(Prompt.OPEN_MOUTH)), Advice.FITS).actionDone());

        Guidance.Moment blink = guidance.next(update(SessionState.ACTING, 2, Optional.of(Prompt.BLINK)), Advice.FITS);
        assertTrue(blink.actionDone(), "the mouth was seen");
        assertEquals(List.of(Dot.DONE, Dot.DONE, Dot.NOW), blink.dots());
        Guidance.Moment holding = guidance.next(update(SessionState.ACTING, 2, Optional.of(Prompt.HOLD_STILL)), Advice.FITS);
        assertTrue(holding.actionDone(), "the last action was seen; the session waits for its best image");
        assertFalse(guidance.next(update(SessionState.ACTING, 2, Optional.of(Prompt.HOLD_STILL)), Advice.FITS).actionDone());
    }

    @Test
    void theFarNearStageIsAStepOfItsOwn() {
        Guidance.Moment far = guidance.next(update(SessionState.FAR, 0, Optional.of(Prompt.FAR_FACE)), Advice.MOVE_BACK);
        assertEquals(List.of(Dot.NOW, Dot.TO_COME, Dot.TO_COME, Dot.TO_COME), far.dots());
        assertEquals(Optional.empty(), far.direction(), "the stage's own words say which oval to fill");
        Guidance.Moment ready = guidance.next(update(SessionState.PREPARING, 0, Optional.of(Prompt.HOLD_STILL)), Advice.FITS);
        assertEquals(List.of(Dot.DONE, Dot.NOW, Dot.TO_COME, Dot.TO_COME), ready.dots());
    }

    /** The light step: every step the customer does is done; holding still is its one instruction, whatever the oval says. */
    @Test
    void theLightStepTicksEveryDotAndOnlyAsksToHoldStill() {
        guidance.next(update(SessionState.ACTING, 2, Optional.of(Prompt.BLINK)), Advice.FITS);
        Guidance.Moment light = guidance.next(update(SessionState.LIGHT, 2, Optional.of(Prompt.LIGHT)), Advice.MOVE_UP);

        assertEquals(List.of(Dot.DONE, Dot.DONE, Dot.DONE), light.dots());
        assertEquals(Optional.of(Prompt.LIGHT), light.instruction());
        assertEquals(Optional.empty(), light.direction(), "no direction: moving would spoil the light's answer");
        assertTrue(light.actionDone(), "the last action was seen");
    }
}
