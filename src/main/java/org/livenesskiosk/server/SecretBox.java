package org.livenesskiosk.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.livenesskiosk.crypto.AesGcm;
import org.livenesskiosk.crypto.SecureFiles;

/**
 * The service's keys, kept in one file readable only by its owner: one for AES-GCM encryption of
 * everything stored at rest, one for signing licenses (HMAC-SHA256).
 */
final class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AesGcm cipher;
    private final SecretKeySpec signingKey;

    private SecretBox(byte[] keys) {
        cipher = new AesGcm(Arrays.copyOfRange(keys, 0, AesGcm.KEY_BYTES));
        signingKey = new SecretKeySpec(Arrays.copyOfRange(keys, AesGcm.KEY_BYTES, 2 * AesGcm.KEY_BYTES), "HmacSHA256");
    }

    /** The keys in {@code file}, made on first use. */
    static SecretBox open(Path file) throws IOException {
        return new SecretBox(SecureFiles.key(file, 2 * AesGcm.KEY_BYTES));
    }

    byte[] encrypt(byte[] plain) {
        return cipher.encrypt(plain);
    }

    byte[] decrypt(byte[] box) throws GeneralSecurityException {
        return cipher.decrypt(box);
    }

    byte[] sign(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signingKey);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    boolean verify(byte[] message, byte[] signature) {
        return MessageDigest.isEqual(sign(message), signature);
    }

    static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
