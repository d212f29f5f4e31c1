package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.LightCheck;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.SessionResult;

/**
 * What the light step decides before any pixel is looked at: each rule reached, and its near miss
 * left to the face's answer ({@link LightCheck}, which has its own tests).
 */
class LightVerdictRulesTest {

    private static final LightSequence DRAWN = new LightSequence(List.of(new LightSequence.Flash(0xFF0000, 400),
            new LightSequence.Flash(0x00FF00, 500), new LightSequence.Flash(0x0000FF, 450)));
    /** The step began at 5 s of the recording; the screen showed the colours 200 ms later. */
    private static final Optional<SessionResult.LightStep> STEP = Optional.of(new SessionResult.LightStep(5_000, List.of()));
    private static final List<LightSequence.Shown> SHOWN = DRAWN.shownFrom(5_200);

    private static Challenges.Challenge challenge(Optional<Long> revealedAt, boolean unlitVerified) {
        return new Challenges.Challenge("c", "a", "d", List.of(ActionType.MOUTH), 10_000, 10_000, DetectionLevel.NORMAL, 600, 40, 80,
                Optional.empty(), Optional.of(DRAWN), unlitVerified, revealedAt, 0, Long.MAX_VALUE, Optional.empty());
    }

    private static final Challenges.Challenge REVEALED = challenge(Optional.of(1L), false);

    private static String outcome(Challenges.Challenge challenge, List<LightSequence.Shown> shown, Optional<SessionResult.LightStep> step) {
        return SessionCheck.lightVerdict(challenge, shown, step, List.of(), new Fingerprints())
                .map(verdict -> verdict.score() + " " + verdict.attackType().orElse("-") + " " + verdict.reason().orElse("-") + " "
                        + verdict.light().orElseThrow())
                .orElse("to the face's answer and the passive checks");
    }

    @Test
    void aScreenThatShowedNothingIsLeftToAPersonOrToTheOtherChecksAsTheAccountSays() {
        assertEquals("40 - UNSURE_LIGHT_NOT_SHOWN NOT_SHOWN", outcome(REVEALED, List.of(), STEP));
        assertEquals("40 - UNSURE_LIGHT_NOT_SHOWN NOT_SHOWN", outcome(REVEALED, null, STEP));
        assertEquals("to the face's answer and the passive checks", outcome(challenge(Optional.of(1L), true), List.of(), STEP));
    }

    @Test
    void coloursClaimedWithoutAskingForThemAreAnInjection() {
        assertEquals("0 2 LIGHT_NOT_REVEALED ATTACK", outcome(challenge(Optional.empty(), false), SHOWN, STEP));
    }

    @Test
    void coloursOtherThanDrawnAreAnInjection() {
        List<LightSequence.Shown> reordered = List.of(SHOWN.get(1), SHOWN.get(0), SHOWN.get(2));
        List<LightSequence.Shown> oneMissing = SHOWN.subList(0, 2);
        List<LightSequence.Shown> heldTooShort = List.of(SHOWN.get(0), SHOWN.get(1),
                new LightSequence.Shown(0x0000FF, SHOWN.get(2).fromMs(), SHOWN.get(2).toMs() - SessionCheck.LIGHT_HOLD_TOLERANCE_MS - 1));
        List<LightSequence.Shown> heldTooLong = List.of(SHOWN.get(0), SHOWN.get(1),
                new LightSequence.Shown(0x0000FF, SHOWN.get(2).fromMs(), SHOWN.get(2).toMs() + LightSequence.MAX_LATE_PULSE_MS + 1));

        for (List<LightSequence.Shown> claimed : List.of(reordered, oneMissing, heldTooShort, heldTooLong)) {
            assertEquals("0 2 LIGHT_WRONG_SEQUENCE ATTACK", outcome(REVEALED, claimed, STEP), claimed.toString());
        }
    }

    @Test
    void aColourHeldAsShortOrAsLongAsADisplayCanMakeItIsTheDrawnSequence() {
        List<LightSequence.Shown> early = List.of(SHOWN.get(0), SHOWN.get(1),
                new LightSequence.Shown(0x0000FF, SHOWN.get(2).fromMs(), SHOWN.get(2).toMs() - SessionCheck.LIGHT_HOLD_TOLERANCE_MS));
        List<LightSequence.Shown> late = List.of(SHOWN.get(0), SHOWN.get(1),
                new LightSequence.Shown(0x0000FF, SHOWN.get(2).fromMs(), SHOWN.get(2).toMs() + LightSequence.MAX_LATE_PULSE_MS));

        assertEquals("40 - UNSURE_LIGHT_TOO_FEW_FRAMES UNSURE", outcome(REVEALED, early, STEP));
        assertEquals("40 - UNSURE_LIGHT_TOO_FEW_FRAMES UNSURE", outcome(REVEALED, late, STEP));
    }

    @Test
    void theLogSaysEachFigureAndEachColoursAnswerAsABankComparesThem() {
        LightCheck.Verdict verdict = new LightCheck.Verdict(LightCheck.Outcome.LIVE, Optional.empty(), 80, 0.9691, 0.3071, 0.1559,
                0.6232, 2, 0.9874);

        assertEquals("Light check: LIVE  lag 80 ms, correlation 0.969, response 0.307, room 0.156, shape 0.623, 2 colours alike "
                + "0.987; "
                + "per colour ff0000 0.311, 00ff00 0.296, 0000ff NaN", SessionCheck.lightReport(verdict, SHOWN, List.of(0.3114, 0.2963,
                Double.NaN)));
    }

    @Test
    void coloursShownBeforeTheStepBeganAreAnInjection() {
        assertEquals("0 2 LIGHT_BEFORE_THE_STEP ATTACK", outcome(REVEALED, DRAWN.shownFrom(4_999), STEP));
        assertEquals("0 2 LIGHT_BEFORE_THE_STEP ATTACK", outcome(REVEALED, SHOWN, Optional.empty()));
        assertEquals("40 - UNSURE_LIGHT_TOO_FEW_FRAMES UNSURE", outcome(REVEALED, DRAWN.shownFrom(5_000), STEP));
    }
}
