package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.PassiveCues;

/** How the passive checks turn a session that passed its actions into the service's score. */
class PassiveScoreRulesTest {

    private static SessionCheck.Verdict verdict(double texture, int frames, double flatness, int pairs) {
        return SessionCheck.passiveVerdict(new PassiveCues(OptionalDouble.of(texture), frames, OptionalDouble.of(flatness), pairs,
                OptionalDouble.empty()), new Fingerprints());
    }

    @Test
    void aLiveFaceIsVerified() {
        SessionCheck.Verdict live = verdict(0.99, 20, 0.04, 10);
        assertEquals(SessionCheck.VERIFIED_SCORE, live.score());
        assertEquals(Optional.empty(), live.attackType());
        assertEquals(Optional.empty(), live.reason());
    }

    @Test
    void aPrintOrAScreenIsAPresentationAttackScoredZero() {
        SessionCheck.Verdict print = verdict(0.01, 20, 0.04, 10);
        assertEquals(0, print.score());
        assertEquals(Optional.of(SessionCheck.PRESENTATION), print.attackType());
        assertEquals(Optional.of("PRESENTATION_TEXTURE"), print.reason());

        SessionCheck.Verdict flat = verdict(0.99, 20, 0.001, 10);
        assertEquals(0, flat.score());
        assertEquals(Optional.of("1"), flat.attackType());
        assertEquals(Optional.of("PRESENTATION_SHAPE"), flat.reason());
    }

    @Test
    void anUnsureCaseIsBelowFiftyWithoutAnAttackType() {
        SessionCheck.Verdict unsure = verdict(0.99, 9, 0.04, 10);
        assertEquals(SessionCheck.UNCERTAIN_SCORE, unsure.score());
        assertTrue(unsure.score() > 0 && unsure.score() < 50, "score " + unsure.score());
        assertEquals(Optional.empty(), unsure.attackType());
        assertEquals(Optional.of("UNSURE_TEXTURE"), unsure.reason());
    }
}
