package org.livenesskiosk.protocol;

import java.nio.charset.StandardCharsets;

import org.livenesskiosk.crypto.Sha256;

/**
 * How a kiosk signs each request under {@link Routes#KIOSK_PREFIX}: Ed25519, with the key it
 * enrolled, over the lines
 *
 * <pre>
 * LK-ED25519-V1
 * METHOD
 * /path?query            (as sent, not decoded)
 * deviceId               (empty on enrolment)
 * timestamp              (milliseconds, X-KIOSK-TIMESTAMP)
 * nonce                  (X-KIOSK-NONCE)
 * sha256(body), hex
 * </pre>
 *
 * The service accepts a signature once, and only within {@link #MAX_CLOCK_SKEW_MS} of its own clock.
 */
public final class RequestSignature {

    /** How far a kiosk's clock may be from the service's. */
    public static final long MAX_CLOCK_SKEW_MS = 300_000;
    /** The longest nonce the service takes. */
    public static final int MAX_NONCE_LENGTH = 64;
    private static final String SCHEME = "LK-ED25519-V1";

    private RequestSignature() {
    }

    /** What is signed: see the class comment. */
    public static byte[] message(String method, String target, String deviceId, long timestamp, String nonce, byte[] body) {
        return String.join("\n", SCHEME, method, target, deviceId, Long.toString(timestamp), nonce, Sha256.hex(body))
                .getBytes(StandardCharsets.UTF_8);
    }
}
