package org.livenesskiosk.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's keys, kept in one file readable only by its owner: one for AES-GCM encryption of
 * everything stored at rest, one for signing licenses (HMAC-SHA256).
 */
final class SecretBox {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec signingKey;

    private SecretBox(byte[] keys) {
        encryptionKey = new SecretKeySpec(Arrays.copyOfRange(keys, 0, KEY_BYTES), "AES");
        signingKey = new SecretKeySpec(Arrays.copyOfRange(keys, KEY_BYTES, 2 * KEY_BYTES), "HmacSHA256");
    }

    /** The keys in {@code file}, made on first use. */
    static SecretBox open(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] keys = new byte[2 * KEY_BYTES];
            RANDOM.nextBytes(keys);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.write(temporary, keys);
            restrictToOwner(temporary);
            Files.move(temporary, file);
        }
        byte[] keys = Files.readAllBytes(file);
        if (keys.length != 2 * KEY_BYTES) {
            throw new IOException("The key file " + file + " is damaged");
        }
        return new SecretBox(keys);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect it.
        }
    }

    byte[] encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    byte[] decrypt(byte[] box) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, box, 0, NONCE_BYTES));
        return cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
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
