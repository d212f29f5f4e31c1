package org.livenesskiosk.protocol;

/** The service's HTTP headers, written once for the client and the server. */
public final class Headers {

    /** The open API's token, from {@link Routes#GENERATE_TOKEN}, on every other open-API call. */
    public static final String ACCESS_TOKEN = "X-ACCESS-TOKEN";
    /** The kiosk's ticket, from {@link Routes#KIOSK_AUTHORIZE}, on its uploads. */
    public static final String KIOSK_TICKET = "X-KIOSK-TICKET";
    /**
     * On uploads: the kiosk's session id and the challenge it answers, as in the body. A service too
     * busy to read the body notes from them that the session reached it before the challenge
     * expired, and takes it when the kiosk comes back later.
     */
    public static final String KIOSK_SESSION = "X-KIOSK-SESSION";
    public static final String KIOSK_CHALLENGE = "X-KIOSK-CHALLENGE";
    /** The service's id of the enrolled kiosk signing the request ({@link RequestSignature}); absent on enrolment. */
    public static final String KIOSK_DEVICE = "X-KIOSK-DEVICE";
    /** When the kiosk signed the request, in milliseconds since the epoch. */
    public static final String KIOSK_TIMESTAMP = "X-KIOSK-TIMESTAMP";
    /** A random value of the kiosk's, new for every request, so that no two requests have the same signature. */
    public static final String KIOSK_NONCE = "X-KIOSK-NONCE";
    /** The kiosk's Ed25519 signature of {@link RequestSignature#message}, base64. */
    public static final String KIOSK_SIGNATURE = "X-KIOSK-SIGNATURE";
    /**
     * On enrolment only, where the kiosk has no id yet: the public key it enrols (base64 of X.509),
     * so that the service checks the signature before it reads the body.
     */
    public static final String KIOSK_PUBLIC_KEY = "X-KIOSK-PUBLIC-KEY";
    /**
     * The service's clock, in milliseconds since the epoch, on every answer: a kiosk signs with its
     * own time corrected by it, so that a kiosk whose clock is off still works.
     */
    public static final String SERVICE_TIME = "X-Liveness-Time";
    /** Seconds to wait before trying again, with {@code SERVICE_BUSY}. */
    public static final String RETRY_AFTER = "Retry-After";
    /** The node of a fleet that answered, on every answer: for operators and the load test, never trusted. */
    public static final String NODE = "X-Liveness-Node";

    private Headers() {
    }
}
