package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;

/** The challenge drawn from the account's settings, and who may answer it until when. */
class ChallengeRulesTest {

    private static final KioskApi.ChallengeRequest KIOSK_40_TO_80 = new KioskApi.ChallengeRequest(40, 80);

    @TempDir
    Path directory;
    private Challenges challenges;
    private Store store;
    private String account;

    @BeforeEach
    void openStore() throws IOException {
        store = Store.sqlite(directory.resolve("service.db"), SecretBox.inFolder(directory));
        account = store.createAccount("Branch", "ID", "access", "secret").id();
        store.saveSettings(account, new ChallengeSettings(List.of("BLINK", "MOUTH"), false, 8_000, 6_000, "HARD", 600, false, 50_000),
                FaceComparison.DEFAULT_MATCH_THRESHOLD);
        challenges = new Challenges(store, new SecureRandom());
    }

    private static String codeOf(Runnable call) {
        return assertThrows(ServiceException.class, call::run).code();
    }

    @Test
    void aChallengeFollowsTheAccountsSettingsAndLastsTheSessionPlusTheUploadGrace() {
        Challenges.Challenge challenge = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);

        assertEquals(List.of(ActionType.BLINK, ActionType.MOUTH), challenge.plan());
        assertEquals(6_000 + 2 * 8_000, challenge.longestSessionMs());
        assertEquals(challenge.longestSessionMs() + Challenges.UPLOAD_GRACE_MS, challenge.expiresAt() - challenge.issuedAt());
        LivenessConfig config = challenge.config();
        assertEquals(challenge.plan(), config.actions());
        assertEquals(8_000, config.actionTimeLimitMs());
        assertEquals(6_000, config.prepareTimeLimitMs());
        assertEquals(DetectionLevel.HARD, config.level());
        assertEquals(40, config.minDistanceCm());
        assertEquals(80, config.maxDistanceCm());
        KioskApi.ChallengeAnswer answer = challenge.answer();
        assertEquals(List.of("BLINK", "MOUTH"), answer.plan());
        assertEquals(challenge.expiresAt(), answer.expireTimestamp());
    }

    @Test
    void aKioskGeometryBeyondWhatAKioskCanBeIsClamped() {
        Challenges.Challenge wide = challenges.issue(account, "kiosk-1", new KioskApi.ChallengeRequest(5, 500));
        Challenges.Challenge empty = challenges.issue(account, "kiosk-1", new KioskApi.ChallengeRequest(50, 50));

        assertEquals(Challenges.MIN_DISTANCE_CM, wide.minDistanceCm());
        assertEquals(Challenges.MAX_DISTANCE_CM, wide.maxDistanceCm());
        assertEquals(50, empty.minDistanceCm());
        assertEquals(51, empty.maxDistanceCm());
    }

    @Test
    void aLightStepsColoursAreDrawnWithTheChallengeLengthenItAndAreRevealedOnceToItsKiosk() {
        store.saveSettings(account, new ChallengeSettings(List.of("BLINK", "MOUTH"), false, 8_000, 6_000, "HARD", 600, false, 50_000,
                true, false), FaceComparison.DEFAULT_MATCH_THRESHOLD);
        Challenges.Challenge challenge = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);
        Challenges.Challenge another = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);
        long now = challenge.issuedAt();

        assertTrue(challenge.answer().light());
        assertTrue(challenge.config().light());
        assertEquals(6_000 + 2 * 8_000 + LivenessSession.LIGHT_TIME_LIMIT_MS, challenge.longestSessionMs());
        assertNotEquals(challenge.light(), another.light());
        assertEquals("CHALLENGE_INVALID", codeOf(() -> challenges.reveal(challenge.challengeId(), account, "kiosk-2", now)));
        assertEquals("CHALLENGE_EXPIRED", codeOf(() -> challenges.reveal(challenge.challengeId(), account, "kiosk-1",
                challenge.expiresAt() + 1)));
        assertEquals(challenge.light().orElseThrow(), challenges.reveal(challenge.challengeId(), account, "kiosk-1", now));
        assertEquals(Optional.of(now), store.challenge(challenge.challengeId()).orElseThrow().lightRevealedAt());
        assertEquals("CHALLENGE_INVALID", codeOf(() -> challenges.reveal(challenge.challengeId(), account, "kiosk-1", now)));
        challenges.claim(another.challengeId(), account, "kiosk-1", "s1", now);
        assertEquals("CHALLENGE_INVALID", codeOf(() -> challenges.reveal(another.challengeId(), account, "kiosk-1", now)),
                "a challenge already answered shows its colours no more");
    }

    @Test
    void aChallengeWithoutTheLightStepHasNoColoursToReveal() {
        Challenges.Challenge challenge = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);

        assertFalse(challenge.answer().light());
        assertEquals("CHALLENGE_INVALID", codeOf(() -> challenges.reveal(challenge.challengeId(), account, "kiosk-1",
                challenge.issuedAt())));
    }

    @Test
    void aSessionTurnedAwayBusyInTimeIsTakenAfterTheExpiryAndNoOtherIs() {
        Challenges.Challenge challenge = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);
        long inTime = challenge.expiresAt();
        long late = challenge.expiresAt() + 1;

        challenges.arrived(challenge.challengeId(), account, "kiosk-2", "intruder", inTime);
        challenges.arrived(challenge.challengeId(), account, "kiosk-1", "s1", inTime);
        challenges.arrived(challenge.challengeId(), account, "kiosk-1", "s2", inTime);

        assertEquals("s1", challenges.claim(challenge.challengeId(), account, "kiosk-1", "s1", late).sessionId().orElseThrow());
        assertEquals("CHALLENGE_INVALID", codeOf(() -> challenges.claim(challenge.challengeId(), account, "kiosk-1", "s2", inTime)));
    }

    @Test
    void aSessionArrivingAfterTheExpiryIsNotTakenBecauseTheServiceWasBusy() {
        Challenges.Challenge challenge = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);
        long late = challenge.expiresAt() + 1;

        challenges.arrived(challenge.challengeId(), account, "kiosk-1", "s1", late);

        assertEquals("CHALLENGE_EXPIRED", codeOf(() -> challenges.claim(challenge.challengeId(), account, "kiosk-1", "s1", late)));
    }

    @Test
    void onlyTheKioskItWasIssuedToMayAnswerIt() {
        Challenges.Challenge challenge = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);
        long now = challenge.issuedAt();

        assertEquals("CHALLENGE_INVALID", codeOf(() -> challenges.claim(challenge.challengeId(), account, "kiosk-2", "s1", now)));
        assertEquals("CHALLENGE_INVALID", codeOf(() -> challenges.claim(challenge.challengeId(), "other", "kiosk-1", "s1", now)));
        assertEquals("CHALLENGE_INVALID", codeOf(() -> challenges.claim("unknown", account, "kiosk-1", "s1", now)));
    }

    @Test
    void oneSessionAnswersItAndMaySendAgain() {
        Challenges.Challenge challenge = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);
        long now = challenge.issuedAt();

        assertEquals(challenge.challengeId(), challenges.claim(challenge.challengeId(), account, "kiosk-1", "s1", now).challengeId());
        assertEquals(challenge.challengeId(), challenges.claim(challenge.challengeId(), account, "kiosk-1", "s1", now).challengeId());
        assertEquals("CHALLENGE_INVALID", codeOf(() -> challenges.claim(challenge.challengeId(), account, "kiosk-1", "s2", now)));
    }

    @Test
    void itMayBeAnsweredUpToItsExpiryAndNotAMillisecondLater() {
        Challenges.Challenge first = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);
        Challenges.Challenge second = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);

        challenges.claim(first.challengeId(), account, "kiosk-1", "s1", first.expiresAt());
        assertEquals("CHALLENGE_EXPIRED",
                codeOf(() -> challenges.claim(second.challengeId(), account, "kiosk-1", "s2", second.expiresAt() + 1)));
    }

    @Test
    void theSessionThatAnsweredInTimeMaySendAgainAfterTheExpiry() {
        Challenges.Challenge challenge = challenges.issue(account, "kiosk-1", KIOSK_40_TO_80);
        challenges.claim(challenge.challengeId(), account, "kiosk-1", "s1", challenge.issuedAt());

        challenges.claim(challenge.challengeId(), account, "kiosk-1", "s1", challenge.expiresAt() + 60_000);
        assertEquals("CHALLENGE_EXPIRED",
                codeOf(() -> challenges.claim(challenge.challengeId(), account, "kiosk-1", "s2", challenge.expiresAt() + 60_000)));
    }
}
