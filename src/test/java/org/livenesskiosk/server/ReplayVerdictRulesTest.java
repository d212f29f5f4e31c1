package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What the replay look-up's finding makes of the verdict the re-run gave. */
class ReplayVerdictRulesTest {

    private static final Fingerprints NONE_YET = new Fingerprints();
    private static final SessionCheck.Verdict VERIFIED = new SessionCheck.Verdict(SessionCheck.VERIFIED_SCORE, Optional.empty(),
            Optional.empty(), NONE_YET, Optional.of(SessionCheck.LightFinding.LIVE));
    private static final SessionCheck.Verdict UNSURE_TEXTURE = new SessionCheck.Verdict(SessionCheck.UNCERTAIN_SCORE, Optional.empty(),
            Optional.of("UNSURE_TEXTURE"), NONE_YET, Optional.empty());
    private static final SessionCheck.Verdict PRINT = SessionCheck.Verdict.attack(SessionCheck.PRESENTATION, "TEXTURE", NONE_YET);

    private static String outcome(SessionCheck.Verdict verdict) {
        return verdict.score() + " " + verdict.attackType().orElse("-") + " " + verdict.reason().orElse("-") + " "
                + verdict.light().map(Enum::name).orElse("-");
    }

    @Test
    void nothingFoundLeavesTheVerdict() {
        assertEquals(VERIFIED, VERIFIED.after(Fingerprints.Replay.NONE));
        assertEquals(PRINT, PRINT.after(Fingerprints.Replay.NONE));
    }

    @Test
    void aReplayIsAnInjectionWhateverTheRerunSaidAndKeepsTheLightFinding() {
        assertEquals("0 2 REPLAY LIVE", outcome(VERIFIED.after(Fingerprints.Replay.REPLAY)));
        assertEquals("0 2 REPLAY -", outcome(UNSURE_TEXTURE.after(Fingerprints.Replay.REPLAY)));
        assertEquals("0 2 REPLAY -", outcome(PRINT.after(Fingerprints.Replay.REPLAY)), "the auditor's finding above the texture's");
    }

    @Test
    void theSameKioskAgainIsLeftToAPersonNeverRaisedAndNeverRefused() {
        assertEquals("40 - UNSURE_SAME_KIOSK_AGAIN LIVE", outcome(VERIFIED.after(Fingerprints.Replay.SAME_KIOSK_AGAIN)));
        assertEquals(UNSURE_TEXTURE, UNSURE_TEXTURE.after(Fingerprints.Replay.SAME_KIOSK_AGAIN));
        assertEquals(PRINT, PRINT.after(Fingerprints.Replay.SAME_KIOSK_AGAIN));
    }
}
