package org.livenesskiosk.protocol;

/**
 * The bodies of the kiosk API (see {@link Routes}): a kiosk enrols once with its one-time code and
 * its public key, then, each request signed ({@link RequestSignature}), exchanges its license for a
 * ticket and the challenge, and uploads each session's evidence ({@link UploadRequest}) with the ticket.
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

    /** The kiosk itself is the one that signed the request: the service knows it by its enrolment, never by a field here. */
    public record AuthorizeRequest(String license, String market, String applicationId, String version) {
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

    public record UploadAnswer(String livenessId) {
    }
}
