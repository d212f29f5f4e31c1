package org.livenesskiosk.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the open API uses it: lower-case hex of the UTF-8 text. */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The token request's signature: SHA-256 of access key, secret key and the 13-digit timestamp. */
    public static String tokenSignature(String accessKey, String secretKey, long timestamp) {
        return hex(accessKey + secretKey + timestamp);
    }
}
