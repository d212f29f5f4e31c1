package org.livenesskiosk.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;

/**
 * Licenses the service signs for an account: opaque to their holder, bound to the account, its
 * market and the application ids, and valid until a time. A license is
 * {@code base64url(payload).base64url(HMAC-SHA256(payload))}.
 */
final class Licenses {

    record License(String accountId, String market, List<String> applicationIds, long expiresAt) {
    }

    private static final Gson GSON = new Gson();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretBox secrets;

    Licenses(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** The service's signature of any message, for links it hands out. */
    byte[] sign(byte[] message) {
        return secrets.sign(message);
    }

    String issue(License license) {
        byte[] payload = GSON.toJson(license).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(secrets.sign(payload));
    }

    /** The license, when it is one this service signed; expiry is the caller's to judge. */
    Optional<License> read(String license) {
        int dot = license.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(license.substring(0, dot));
            byte[] signature = DECODER.decode(license.substring(dot + 1));
            if (!secrets.verify(payload, signature)) {
                return Optional.empty();
            }
            return Optional.ofNullable(GSON.fromJson(new String(payload, StandardCharsets.UTF_8), License.class));
        } catch (IllegalArgumentException | JsonSyntaxException e) {
            return Optional.empty();
        }
    }
}
