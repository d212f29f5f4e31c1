package org.livenesskiosk.protocol;

/**
 * The bodies of the open API, the mobile SDK provider's calls that an integrator's back end makes
 * with its keys (see {@link Routes}). Field names are the provider's; boxed numbers are optional
 * fields, {@code null} when the caller left them out.
 */
public final class OpenApi {

    private OpenApi() {
    }

    /**
     * @param timestamp    the caller's current time in milliseconds
     * @param signature    {@link TokenSignature#of} of the keys and the timestamp
     * @param periodSecond how long the token lasts (default one hour)
     */
    public record TokenRequest(String accessKey, Long timestamp, String signature, Long periodSecond) {
    }

    /** @param expiredTime when the token ends, in milliseconds */
    public record TokenAnswer(String token, long expiredTime) {
    }

    /** @param applicationId the application ids the license is good for, comma separated */
    public record LicenseRequest(Long licenseEffectiveSeconds, String applicationId) {
    }

    public record LicenseAnswer(String license, long expireTimestamp) {
    }

    public record SignatureIdAnswer(String signatureId) {
    }

    /**
     * By {@code livenessId}, or by {@code signatureId} when the integrator never saw the livenessId.
     *
     * @param resultType {@link #IMAGE_BASE64} (the default) or {@link #IMAGE_URL}
     */
    public record ResultRequest(String livenessId, String signatureId, String resultType) {

        /** The best image (and the audit image) inline, base64. */
        public static final String IMAGE_BASE64 = "IMAGE_BASE64";
        /** A link to the best image (and one to the audit image), signed and short-lived. */
        public static final String IMAGE_URL = "IMAGE_URL";
    }

    /**
     * @param livenessScore   0–100; 50 or more suggests a live person
     * @param attackType      with a score of 0: 1 presentation, 2 injection, 3 unsure
     * @param detectionResult the best image, base64 or a link to it as asked; absent when deleted
     * @param auditImageUrl   a frame from the actions, for a person reviewing the result: base64 or a link, as the best image
     * @param imageFarUrl     a signed, short-lived link to the face at the far end of the far/near stage; absent without it
     * @param farImageTime    when the far image was taken, in milliseconds from the session's first frame
     * @param imageNearUrl    the same for the near end, the customer leaning in
     * @param nearImageTime   when the near image was taken, in milliseconds from the session's first frame
     * @param lightCheck      what the light step found: {@code LIVE} (the face answered the screen's colours),
     *                        {@code ATTACK}, {@code UNSURE} (a person should look), {@code NOT_SHOWN} (the kiosk's screen
     *                        showed none); absent when the session's challenge had no light step
     * @param reviewStatus    a person's review of a session the service left to one: {@code PENDING} while it waits
     *                        in the review queue, then {@code APPROVED} or {@code REJECTED} (the latest decision);
     *                        absent for a session never queued
     * @param reviewedAt      when the decision in force was made, in milliseconds since the epoch
     * @param reviewReason    the reason the reviewer gave for it
     * @param reviewerId      the service's id of the reviewer who made it: the account's own, told to its own caller only
     */
    public record ResultAnswer(String livenessId, int livenessScore, String attackType, String userId, String sdkVersion,
                               String platform, String detectionResult, String auditImageUrl, String imageFarUrl,
                               Long farImageTime, String imageNearUrl, Long nearImageTime, String lightCheck,
                               String reviewStatus, Long reviewedAt, String reviewReason, String reviewerId) {
    }

    /**
     * @param documentImage the identity document's picture (or its portrait), base64 JPEG or PNG, showing exactly one face; null for the
     *                      portrait the kiosk captured from the card and sent with the session
     */
    public record CompareRequest(String livenessId, String documentImage) {
    }

    /**
     * @param similarity 0–100: the cosine of the two faces' embeddings, times 100, negative ones as 0
     * @param match      whether the similarity reaches the threshold
     * @param threshold  the calling account's threshold, 50–80 (60 unless its administrator set another): said with the
     *                   answer, so that a match is read at the threshold it was decided at
     */
    public record CompareAnswer(String livenessId, int similarity, boolean match, int threshold) {
    }

    public record DeleteRequest(String livenessId) {
    }

    public record DeleteAnswer(String livenessId, boolean deleted) {
    }
}
