package org.livenesskiosk.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.livenesskiosk.crypto.Sha256;

/**
 * The open API's proof of the secret key in a token request: SHA-256 of access key, secret key and
 * the 13-digit timestamp, as lower-case hex. The secret itself never travels.
 */
public final class TokenSignature {

    private TokenSignature() {
    }

    public static String of(String accessKey, String secretKey, long timestamp) {
        return Sha256.hex(accessKey + secretKey + timestamp);
    }

    /** Whether {@code signature} was made with this secret key; in constant time, so timing tells nothing of it. */
    public static boolean matches(String signature, String accessKey, String secretKey, long timestamp) {
        return MessageDigest.isEqual(of(accessKey, secretKey, timestamp).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
