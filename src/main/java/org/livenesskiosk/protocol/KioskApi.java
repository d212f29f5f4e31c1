package org.livenesskiosk.protocol;

import java.util.List;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessConfig;

/**
 * The bodies of the kiosk API (see {@link Routes}): a kiosk enrols once with its one-time code and
 * its public key; then, each request signed ({@link RequestSignature}), it exchanges its license
 * for a ticket, asks for a challenge when a customer starts, and uploads the session's evidence
 * ({@link UploadRequest}) with the ticket.
 */
public final class KioskApi {

    private KioskApi() {
    }

    /**
     * A new kiosk's enrolment, signed with the key it enrols (proof that the kiosk holds it).
     *
     * @param enrollmentCode the one-time code the bank's administrator made for this kiosk
     * @param publicKey      the kiosk's Ed25519 public key, base64 of its X.509 encoding
     */
    public record EnrollRequest(String enrollmentCode, String publicKey, String version) {
        @Override
        public String toString() {
            return "EnrollRequest[version=" + version + "]";
        }
    }

    /** @param deviceId the service's own id of the kiosk, in {@link Headers#KIOSK_DEVICE} of every later request */
    public record EnrollAnswer(String deviceId) {
    }

    /**
     * The kiosk itself is the one that signed the request: the service knows it by its enrolment, never by a field here.
     *
     * @param outboxBacklog sessions waiting in the kiosk's outbox, for the bank's operations team; absent from older kiosks
     */
    public record AuthorizeRequest(String license, String market, String applicationId, String version, Integer outboxBacklog) {
    }

    /**
     * @param ticket          goes with each upload in {@link Headers#KIOSK_TICKET}; a secret
     * @param expireTimestamp when the ticket ends, in milliseconds
     * @param keeping         how long the service keeps what a kiosk sends, for the customer's consent; absent from
     *                        older services
     */
    public record AuthorizeAnswer(String ticket, long expireTimestamp, ChallengeSettings settings, Keeping keeping) {
        @Override
        public String toString() {
            return "AuthorizeAnswer[expireTimestamp=" + expireTimestamp + "]";
        }
    }

    /**
     * How long the service keeps a customer's data, as its own settings say: what the kiosk's consent
     * must state with these numbers, never with numbers of its own.
     *
     * @param retentionDays    days after which a result's images are deleted ({@code serve --retention-days}); null when
     *                         they stay until the bank deletes the result
     * @param replayWindowDays days the face fingerprints stay for the replay check, whatever the retention
     */
    public record Keeping(Integer retentionDays, int replayWindowDays) {
    }

    /**
     * A customer pressed Start: the kiosk asks for their challenge, saying where its customers stand
     * (the service bounds it), so that the service judges the face's size as the kiosk does.
     */
    public record ChallengeRequest(double minDistanceCm, double maxDistanceCm) {
    }

    /**
     * The challenge the service draws for one customer: the actions in the order to ask them, the
     * time limits and the level, valid once and until {@code expireTimestamp}.
     *
     * @param challengeId     goes with the session's upload; single use
     * @param resultImageSize the side of the best image the kiosk keeps; 0 from a service older than the setting: 600
     * @param farNear         whether the session begins with the far/near stage, within {@code farNearTimeLimitMs}
     *                        (false from a service older than the stage, whose time limit then counts for nothing)
     * @param light           whether the session ends with the light step; its colours are {@linkplain LightRequest revealed}
     *                        only when it begins (false from a service older than the step)
     */
    public record ChallengeAnswer(String challengeId, List<String> plan, long actionTimeLimitMs, long prepareTimeLimitMs,
                                  String level, long expireTimestamp, int resultImageSize, boolean farNear,
                                  long farNearTimeLimitMs, boolean light) {

        public ChallengeAnswer {
            plan = List.copyOf(plan);
        }

        /** A challenge without the light step. */
        public ChallengeAnswer(String challengeId, List<String> plan, long actionTimeLimitMs, long prepareTimeLimitMs,
                               String level, long expireTimestamp, int resultImageSize, boolean farNear, long farNearTimeLimitMs) {
            this(challengeId, plan, actionTimeLimitMs, prepareTimeLimitMs, level, expireTimestamp, resultImageSize, farNear,
                    farNearTimeLimitMs, false);
        }

        /** The session's configuration: exactly this plan, in this order. */
        public LivenessConfig toConfig() {
            if (plan.isEmpty()) {
                throw new IllegalArgumentException("a challenge asks for at least one action");
            }
            return new ChallengeSettings(plan, false, actionTimeLimitMs, prepareTimeLimitMs, level,
                    resultImageSize == 0 ? LivenessConfig.DEFAULT_RESULT_IMAGE_SIZE : resultImageSize, farNear, farNearTimeLimitMs,
                    light, false).toConfig();
        }

        /** The actions in the order asked. */
        public List<ActionType> actions() {
            return plan.stream().map(ActionType::valueOf).toList();
        }
    }

    /**
     * The light step began: the kiosk asks for its colours, which the service reveals once, to the
     * kiosk the challenge was issued to, and only now, so that nothing made before can show a face
     * lit by them.
     */
    public record LightRequest(String challengeId) {
    }

    /** The colours to show, in order, each for its time. */
    public record LightAnswer(List<LightSequence.Flash> flashes) {

        public LightAnswer {
            flashes = List.copyOf(flashes);
        }
    }

    /** What the service made of a session: {@code livenessScore} 50 or more is verified, below that a person should look. */
    public enum Verdict {
        VERIFIED,
        MANUAL_CHECK
    }

    public record UploadAnswer(String livenessId, Verdict verdict) {
    }

    /** Where the bank's review of a session left to a person stands. */
    public enum ReviewStatus {
        PENDING,
        APPROVED,
        REJECTED
    }

    /**
     * The operator opened the console: the kiosk asks how the bank's review of its own sessions
     * stands, by the session ids it made; at most {@link #MAX_REVIEWS} of them, each at most a
     * session id's 64 characters.
     */
    public record ReviewsRequest(List<String> sessionIds) {

        public static final int MAX_REVIEWS = 100;
    }

    /**
     * The review of each asked session that this kiosk sent and the service queued; the others (not
     * queued, unknown, or another kiosk's) are absent, never told apart. The reviewer is not named.
     */
    public record ReviewsAnswer(List<SessionReview> reviews) {

        public ReviewsAnswer {
            reviews = List.copyOf(reviews);
        }
    }

    /**
     * @param decidedAt when the decision in force was made, in milliseconds; null while pending
     * @param reason    the reviewer's reason for it; null while pending
     */
    public record SessionReview(String sessionId, ReviewStatus status, Long decidedAt, String reason) {
    }
}
