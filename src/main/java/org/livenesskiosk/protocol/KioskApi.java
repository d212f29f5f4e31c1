package org.livenesskiosk.protocol;

/**
 * The bodies of the kiosk API (see {@link Routes}): a kiosk exchanges its license for a ticket and
 * the challenge, then uploads each session's evidence ({@link UploadRequest}) with the ticket.
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

    public record UploadAnswer(String livenessId) {
    }
}
