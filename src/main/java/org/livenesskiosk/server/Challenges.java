package org.livenesskiosk.server;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;

/**
 * The challenges the service puts to customers: drawn here from the account's settings, never by
 * the kiosk, bound to the account and the kiosk device, answered by one session only and only
 * until the preparation and every action's time limit (and a grace for the upload) have passed.
 */
final class Challenges {

    /** The longest session id an upload may carry. */
    static final int MAX_SESSION_ID = 64;
    /** Time for the kiosk to get the upload through once the customer is done. */
    static final long UPLOAD_GRACE_MS = 120_000;
    /** The kiosk's camera geometry is taken as it says, within what a kiosk can be. */
    static final double MIN_DISTANCE_CM = 10;
    static final double MAX_DISTANCE_CM = 300;

    /**
     * A challenge as the service keeps it.
     *
     * @param farNearTimeLimitMs the far/near stage's time limit, when the session begins with it
     * @param light         the colours of the light step, when the session ends with it
     * @param unlitVerified whether a session whose screen showed no colours may be verified on its other checks
     * @param lightRevealedAt when the kiosk was given the colours, once it was
     * @param sessionId the session that answered it, once one did
     */
    record Challenge(String challengeId, String accountId, String deviceId, List<ActionType> plan, long actionTimeLimitMs,
                     long prepareTimeLimitMs, DetectionLevel level, int resultImageSize, double minDistanceCm,
                     double maxDistanceCm, Optional<Long> farNearTimeLimitMs, Optional<LightSequence> light, boolean unlitVerified,
                     Optional<Long> lightRevealedAt, long issuedAt, long expiresAt, Optional<String> sessionId) {

        Challenge {
            plan = List.copyOf(plan);
        }

        /** The session rules this challenge asks for, as the kiosk ran them. */
        LivenessConfig config() {
            return LivenessConfig.defaults().withActions(plan, false).withTimeLimits(actionTimeLimitMs, prepareTimeLimitMs)
                    .withLevel(level).withResultImageSize(resultImageSize).withDistance(minDistanceCm, maxDistanceCm)
                    .withFarNear(farNearTimeLimitMs.isPresent(), farNearTimeLimitMs.orElse(LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS))
                    .withLight(light.isPresent());
        }

        /** The longest a session under this challenge can last. */
        long longestSessionMs() {
            return longestSessionMs(farNearTimeLimitMs, prepareTimeLimitMs, plan.size(), actionTimeLimitMs, light.isPresent());
        }

        /** Every stage's limit, in turn: the far/near stage, the preparation, each action, the light step. */
        static long longestSessionMs(Optional<Long> farNearTimeLimitMs, long prepareTimeLimitMs, int actions, long actionTimeLimitMs,
                                     boolean light) {
            return farNearTimeLimitMs.orElse(0L) + prepareTimeLimitMs + actions * actionTimeLimitMs
                    + (light ? LivenessSession.LIGHT_TIME_LIMIT_MS : 0);
        }

        /** What the kiosk is told when the customer starts: whether there is a light step, never its colours. */
        KioskApi.ChallengeAnswer answer() {
            return new KioskApi.ChallengeAnswer(challengeId, plan.stream().map(ActionType::name).toList(), actionTimeLimitMs,
                    prepareTimeLimitMs, level.name(), expiresAt, resultImageSize, farNearTimeLimitMs.isPresent(),
                    farNearTimeLimitMs.orElse(LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS), light.isPresent());
        }
    }

    private final Store store;
    private final Random random;

    /** @param random draws the plans: a {@link java.security.SecureRandom}, so that no kiosk can foresee them */
    Challenges(Store store, Random random) {
        this.store = store;
        this.random = random;
    }

    /** A new challenge for the kiosk device of the account, from the account's settings. */
    Challenge issue(String accountId, String deviceId, KioskApi.ChallengeRequest request) {
        ChallengeSettings settings = store.settings(accountId);
        LivenessConfig config = settings.toConfig();
        List<ActionType> plan;
        Optional<LightSequence> light;
        synchronized (random) {
            plan = settings.plan(random);
            light = settings.light() ? Optional.of(LightSequence.draw(random)) : Optional.empty();
        }
        double near = Math.max(MIN_DISTANCE_CM, Math.min(MAX_DISTANCE_CM, request.minDistanceCm()));
        double far = Math.max(near + 1, Math.min(MAX_DISTANCE_CM, request.maxDistanceCm()));
        long now = System.currentTimeMillis();
        Optional<Long> farNearTimeLimitMs = config.farNear() ? Optional.of(config.farNearTimeLimitMs()) : Optional.empty();
        long expiresAt = now + Challenge.longestSessionMs(farNearTimeLimitMs, config.prepareTimeLimitMs(), plan.size(),
                config.actionTimeLimitMs(), light.isPresent()) + UPLOAD_GRACE_MS;
        Challenge challenge = new Challenge(SecretBox.randomToken(), accountId, deviceId, plan, config.actionTimeLimitMs(),
                config.prepareTimeLimitMs(), config.level(), config.resultImageSize(), near, far, farNearTimeLimitMs, light,
                settings.unlitVerified(), Optional.empty(), now, expiresAt, Optional.empty());
        store.saveChallenge(challenge);
        return challenge;
    }

    /**
     * A session reached the service before its challenge expired, but the service was too busy to
     * check it: the challenge is bound to it, so that {@link #claim} takes it when it comes back,
     * even after the expiry. Nothing happens for another kiosk's challenge, an expired one, one
     * already bound, or a session id no upload could carry.
     */
    void arrived(String challengeId, String accountId, String deviceId, String sessionId, long now) {
        if (sessionId.isBlank() || sessionId.length() > MAX_SESSION_ID) {
            return;
        }
        issuedTo(challengeId, accountId, deviceId).filter(found -> now <= found.expiresAt())
                .ifPresent(found -> store.claimChallenge(challengeId, sessionId));
    }

    /**
     * The light step's colours, to the kiosk the challenge was issued to, once: the step has begun.
     *
     * @throws ServiceException {@code CHALLENGE_INVALID} when the challenge is unknown, another kiosk's,
     *                          has no light step, was answered, or its colours were shown already;
     *                          {@code CHALLENGE_EXPIRED} when too late
     */
    LightSequence reveal(String challengeId, String accountId, String deviceId, long now) {
        Challenge challenge = issuedTo(challengeId, accountId, deviceId)
                .orElseThrow(() -> new ServiceException("CHALLENGE_INVALID", "This challenge was not issued to this kiosk"));
        LightSequence light = challenge.light()
                .orElseThrow(() -> new ServiceException("CHALLENGE_INVALID", "This challenge has no light step"));
        if (now > challenge.expiresAt()) {
            throw new ServiceException("CHALLENGE_EXPIRED", "The challenge expired: the customer must start again");
        }
        if (challenge.sessionId().isPresent() || !store.revealLight(challengeId, now)) {
            throw new ServiceException("CHALLENGE_INVALID", "This challenge's colours were already shown: the customer must start again");
        }
        return light;
    }

    /**
     * The challenge this session answers, now bound to it: the same session may send it again (its
     * upload is idempotent, and a session that reached the service in time but found it busy may
     * come back after the expiry), no other session may.
     *
     * @throws ServiceException {@code CHALLENGE_INVALID} when it is unknown, another kiosk's or
     *                          another session's; {@code CHALLENGE_EXPIRED} when too late
     */
    Challenge claim(String challengeId, String accountId, String deviceId, String sessionId, long now) {
        Challenge challenge = issuedTo(challengeId, accountId, deviceId)
                .orElseThrow(() -> new ServiceException("CHALLENGE_INVALID", "This challenge was not issued to this kiosk"));
        boolean answeredInTime = challenge.sessionId().filter(sessionId::equals).isPresent();
        if (now > challenge.expiresAt() && !answeredInTime) {
            throw new ServiceException("CHALLENGE_EXPIRED", "The challenge expired before the session reached the service: "
                    + "the customer must start again");
        }
        if (!store.claimChallenge(challengeId, sessionId)) {
            throw new ServiceException("CHALLENGE_INVALID", "This challenge was already answered by another session");
        }
        return challenge;
    }

    /** The challenge, when it was issued to this kiosk of this account. */
    private Optional<Challenge> issuedTo(String challengeId, String accountId, String deviceId) {
        return store.challenge(challengeId).filter(found -> found.accountId().equals(accountId) && found.deviceId().equals(deviceId));
    }
}
