package org.livenesskiosk.protocol;

/**
 * Every path of the service, written once for the client and the server. The open API's paths are
 * the mobile SDK provider's, kept as they are so that an integrator's back end needs no change.
 */
public final class Routes {

    /** Open API: a token for the account's access key (server to server). */
    public static final String GENERATE_TOKEN = "/openapi/auth/ticket/v1/generate-token";
    /** Open API: a license for a kiosk, signed by the service. */
    public static final String AUTH_LICENSE = "/openapi/liveness/v1/auth-license";
    /** Open API: a single-use signatureId binding a session to the integrator's own identifier. */
    public static final String GENERATE_SIGNATURE_ID = "/liveness/ext/v1/generate-signature-id";
    /** Open API: a result by livenessId or signatureId. */
    public static final String DETECTION_RESULT = "/openapi/liveness/v3/detection-result";
    /** Open API: deletes a result and its image. */
    public static final String DELETE_RESULT = "/openapi/liveness/v1/delete-result";
    /** Open API: the face on an identity document compared with a session's best image. */
    public static final String FACE_COMPARE = "/openapi/face/v1/compare";
    /** A result's best image behind a signed, short-lived link; {@code {livenessId}} is the path parameter. */
    public static final String RESULT_IMAGE = "/openapi/liveness/v3/image/{livenessId}";
    /** A result's audit image behind a signed, short-lived link, as {@link #RESULT_IMAGE}. */
    public static final String AUDIT_IMAGE = "/openapi/liveness/v3/audit-image/{livenessId}";
    /** The far/near stage's far image behind a signed, short-lived link, as {@link #RESULT_IMAGE}. */
    public static final String FAR_IMAGE = "/openapi/liveness/v3/far-image/{livenessId}";
    /** The far/near stage's near image behind a signed, short-lived link, as {@link #RESULT_IMAGE}. */
    public static final String NEAR_IMAGE = "/openapi/liveness/v3/near-image/{livenessId}";
    /**
     * Every kiosk route starts with this: each request under it is signed by an enrolled kiosk
     * ({@link RequestSignature}), whatever the route.
     */
    public static final String KIOSK_PREFIX = "/kiosk/";
    /** Kiosk API: a new kiosk's public key enrolled with the one-time code the bank's administrator made. */
    public static final String KIOSK_ENROLL = "/kiosk/v1/enroll";
    /** Kiosk API: the kiosk's license exchanged for a ticket and the challenge settings. */
    public static final String KIOSK_AUTHORIZE = "/kiosk/v1/authorize";
    /** Kiosk API: a challenge for the customer who just pressed Start, drawn by the service. */
    public static final String KIOSK_CHALLENGE = "/kiosk/v1/challenge";
    /** Kiosk API: the light step's colours for a challenge, revealed once, when the step begins. */
    public static final String KIOSK_LIGHT = "/kiosk/v1/light";
    /** Kiosk API: a session's evidence, for a livenessId. */
    public static final String KIOSK_UPLOAD = "/kiosk/v1/upload";
    /** Kiosk API: the bank's review of the kiosk's own sessions that the service left to a person. */
    public static final String KIOSK_REVIEWS = "/kiosk/v1/reviews";

    private Routes() {
    }

    /** An image link's path for one result: {@code route} is one of the image routes above. */
    public static String image(String route, String livenessId) {
        return route.replace("{livenessId}", livenessId);
    }
}
