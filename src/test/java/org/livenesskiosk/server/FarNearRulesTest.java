package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.FarNearResult;
import org.livenesskiosk.protocol.UploadRequest;

/** The far/near stage's part of an upload: present exactly when asked, its times within bounds and as the re-run found them. */
class FarNearRulesTest {

    /** One blink after a 10 s stage, 1 s to prepare and 1 s to act: at most 12 s, 12.5 s with the slack. */
    private static final Challenges.Challenge WITH_STAGE = new Challenges.Challenge("c", "a", "d", List.of(ActionType.BLINK),
            1_000, 1_000, DetectionLevel.NORMAL, 600, 40, 80, Optional.of(10_000L), Optional.empty(), false, Optional.empty(), 0, 1,
            Optional.empty());
    private static final Challenges.Challenge WITHOUT_STAGE = new Challenges.Challenge("c", "a", "d", List.of(ActionType.BLINK),
            1_000, 1_000, DetectionLevel.NORMAL, 600, 40, 80, Optional.empty(), Optional.empty(), false, Optional.empty(), 0, 1,
            Optional.empty());
    private static final long LONGEST_MS = 12_500;
    private static final String JPEG = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 0, 0});

    private static UploadRequest upload(UploadRequest.FarNear farNear) {
        return new UploadRequest("s", "c", "sig", "u", "1.0", "kiosk", List.of(), new UploadRequest.Recording(List.of(0L),
                List.of(JPEG)), JPEG, farNear);
    }

    private static void check(Challenges.Challenge challenge, UploadRequest.FarNear farNear) {
        UploadChecks.requireWellFormed(upload(farNear), challenge, 30, 500, 100, 100);
    }

    @Test
    void theImagesComeExactlyWhenTheChallengeAskedForTheStage() {
        UploadRequest.FarNear stage = new UploadRequest.FarNear(JPEG, 100, JPEG, 200);

        assertDoesNotThrow(() -> check(WITH_STAGE, stage));
        assertDoesNotThrow(() -> check(WITHOUT_STAGE, null));
        assertEquals("PARAMETER_ERROR", assertThrows(ServiceException.class, () -> check(WITH_STAGE, null)).code());
        assertEquals("PARAMETER_ERROR", assertThrows(ServiceException.class, () -> check(WITHOUT_STAGE, stage)).code());
        assertThrows(ServiceException.class, () -> check(WITH_STAGE, new UploadRequest.FarNear("not a jpeg", 100, JPEG, 200)));
        assertThrows(ServiceException.class, () -> check(WITH_STAGE, new UploadRequest.FarNear(JPEG, 100, null, 200)));
    }

    @Test
    void theTimesRiseFromZeroAndStayWithinTheChallenge() {
        assertDoesNotThrow(() -> check(WITH_STAGE, new UploadRequest.FarNear(JPEG, 0, JPEG, 0)));
        assertDoesNotThrow(() -> check(WITH_STAGE, new UploadRequest.FarNear(JPEG, 0, JPEG, LONGEST_MS)));
        assertThrows(ServiceException.class, () -> check(WITH_STAGE, new UploadRequest.FarNear(JPEG, -1, JPEG, 0)));
        assertThrows(ServiceException.class, () -> check(WITH_STAGE, new UploadRequest.FarNear(JPEG, 0, JPEG, LONGEST_MS + 1)));
        assertThrows(ServiceException.class, () -> check(WITH_STAGE, new UploadRequest.FarNear(JPEG, 201, JPEG, 200)));
    }

    @Test
    void theClaimedTimesAgreeWithTheReRunWithinOneFrame() {
        FarNearResult seen = new FarNearResult(1_000, 3_000, Optional.empty());
        long tolerance = SessionCheck.CLAIM_TOLERANCE_MS;

        assertTrue(SessionCheck.stageAgrees(new UploadRequest.FarNear(JPEG, 1_000 + tolerance, JPEG, 3_000 - tolerance),
                Optional.of(seen)));
        assertFalse(SessionCheck.stageAgrees(new UploadRequest.FarNear(JPEG, 1_000 + tolerance + 1, JPEG, 3_000), Optional.of(seen)));
        assertFalse(SessionCheck.stageAgrees(new UploadRequest.FarNear(JPEG, 1_000, JPEG, 3_000 - tolerance - 1), Optional.of(seen)));
        assertTrue(SessionCheck.stageAgrees(null, Optional.empty()));
        assertFalse(SessionCheck.stageAgrees(null, Optional.of(seen)));
        assertFalse(SessionCheck.stageAgrees(new UploadRequest.FarNear(JPEG, 1_000, JPEG, 3_000), Optional.empty()));
    }
}
