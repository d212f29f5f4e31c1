package org.livenesskiosk.protocol;

import java.util.List;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LivenessConfig;

/**
 * The bodies of the kiosk API (see {@link Routes}): a kiosk exchanges its license for a ticket,
 * asks for a challenge when a customer starts, then uploads the session's evidence
 * ({@link UploadRequest}) with the ticket.
 */
public final class KioskApi {

    private KioskApi() {
    }

    /** @param deviceId the kiosk device, for the service's lock-out of devices that fail again and again */
    public record AuthorizeRequest(String license, String market, String applicationId, String version, String deviceId) {
    }

    /**
     * @param ticket          goes with each upload in {@link Headers#KIOSK_TICKET}; a secret
     * @param expireTimestamp when the ticket ends, in milliseconds
     */
    public record AuthorizeAnswer(String ticket, long expireTimestamp, ChallengeSettings settings) {
        @Override
        public String toString() {
            return "AuthorizeAnswer[expireTimestamp=" + expireTimestamp + "]";
        }
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
     * @param challengeId goes with the session's upload; single use
     */
    public record ChallengeAnswer(String challengeId, List<String> plan, long actionTimeLimitMs, long prepareTimeLimitMs,
                                  String level, long expireTimestamp) {

        public ChallengeAnswer {
            plan = List.copyOf(plan);
        }

        /** The session's configuration: exactly this plan, in this order. */
        public LivenessConfig toConfig() {
            return new ChallengeSettings(plan, false, actionTimeLimitMs, prepareTimeLimitMs, level).toConfig();
        }

        /** The actions in the order asked. */
        public List<ActionType> actions() {
            return plan.stream().map(ActionType::valueOf).toList();
        }
    }

    /** What the service made of a session: {@code livenessScore} 50 or more is verified, below that a person should look. */
    public enum Verdict {
        VERIFIED,
        MANUAL_CHECK
    }

    public record UploadAnswer(String livenessId, Verdict verdict) {
    }
}
