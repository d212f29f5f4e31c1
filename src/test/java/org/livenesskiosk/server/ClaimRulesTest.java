package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.ActionRecord;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.vision.HeadPose;

/** The kiosk's claims against the service's re-run, and the verdicts reached before any frame is analysed. */
class ClaimRulesTest {

    private static final List<ActionRecord> SEEN = List.of(new ActionRecord(ActionType.BLINK, 0, 1_000, 900, 0.3),
            new ActionRecord(ActionType.MOUTH, 1_000, 2_500, 2_200, 0.5));

    private static List<UploadRequest.Action> claims(long blinkAtMs, long mouthAtMs) {
        return List.of(new UploadRequest.Action("BLINK", blinkAtMs), new UploadRequest.Action("MOUTH", mouthAtMs));
    }

    @Test
    void claimsWithinTheToleranceEitherWayAgree() {
        long tolerance = SessionCheck.CLAIM_TOLERANCE_MS;

        assertTrue(SessionCheck.claimsAgree(claims(1_000, 2_500), SEEN));
        assertTrue(SessionCheck.claimsAgree(claims(1_000 + tolerance, 2_500 - tolerance), SEEN));
    }

    @Test
    void aClaimOneMillisecondPastTheToleranceDisagrees() {
        long tolerance = SessionCheck.CLAIM_TOLERANCE_MS;

        assertFalse(SessionCheck.claimsAgree(claims(1_000 + tolerance + 1, 2_500), SEEN));
        assertFalse(SessionCheck.claimsAgree(claims(1_000, 2_500 - tolerance - 1), SEEN));
    }

    @Test
    void claimsInTheWrongOrderDisagree() {
        List<UploadRequest.Action> swapped = List.of(new UploadRequest.Action("MOUTH", 1_000), new UploadRequest.Action("BLINK", 2_500));

        assertFalse(SessionCheck.claimsAgree(swapped, SEEN));
    }

    @Test
    void claimingMoreOrFewerActionsThanSeenDisagrees() {
        assertFalse(SessionCheck.claimsAgree(claims(1_000, 2_500).subList(0, 1), SEEN));
        assertFalse(SessionCheck.claimsAgree(claims(1_000, 2_500), SEEN.subList(0, 1)));
        assertFalse(SessionCheck.claimsAgree(null, SEEN));
        assertFalse(SessionCheck.claimsAgree(Arrays.asList(new UploadRequest.Action("BLINK", 1_000), null), SEEN));
    }

    @Test
    void aBestImageTurnedUpTo25DegreesEitherWayIsFrontal() {
        double limit = SessionCheck.MAX_BEST_ANGLE;

        assertTrue(SessionCheck.frontal(new HeadPose(limit, -limit, 40)));
        assertFalse(SessionCheck.frontal(new HeadPose(-Math.nextUp(limit), 0, 0)));
        assertFalse(SessionCheck.frontal(new HeadPose(0, Math.nextUp(limit), 0)));
    }

    @Test
    void base64IsDecodedAndAnythingElseIsEmpty() {
        assertArrayEquals(new byte[] {1, 2, 3}, SessionCheck.decoded("AQID").orElseThrow());
        assertEquals(Optional.empty(), SessionCheck.decoded("not base64!"));
    }

    @Test
    void aBestImageThatIsNoPictureIsAnInjectionBeforeAnyAnalysis() {
        Challenges.Challenge challenge = new Challenges.Challenge("c", "a", "d", List.of(ActionType.BLINK), 10_000, 10_000,
                DetectionLevel.NORMAL, 600, 40, 80, Optional.empty(), Optional.empty(), false, Optional.empty(), 0, 1, Optional.empty());
        UploadRequest upload = new UploadRequest("s", "c", "sig", "u", "1", "kiosk", List.of(),
                new UploadRequest.Recording(List.of(0L), List.of("AQID")), "AQID");

        // No analyser: the verdict must come before one is needed.
        SessionCheck.Verdict verdict = SessionCheck.check(challenge, upload, null, Long.MAX_VALUE);

        assertEquals(0, verdict.score());
        assertEquals(Optional.of(SessionCheck.INJECTION), verdict.attackType());
        assertEquals(Optional.of("BEST_IMAGE_NOT_A_PICTURE"), verdict.reason());
    }
}
