package org.livenesskiosk.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.livenesskiosk.crypto.AesGcm;
import org.livenesskiosk.crypto.SecureFiles;

/**
 * The service's keys: one for AES-GCM encryption of everything stored at rest, one for signing
 * licenses and links (HMAC-SHA256). A single service keeps them in a file of its folder, made on
 * first use; every node of a fleet is given the same 64 bytes, from a key file or the environment,
 * and none of them is ever written to the database.
 */
public final class SecretBox {

    /** The environment variable that may hold the key, base64 of its {@link #KEY_BYTES} bytes. */
    public static final String ENVIRONMENT = "LIVENESS_SERVICE_KEY";
    /** The encryption key, then the signing key. */
    public static final int KEY_BYTES = 2 * AesGcm.KEY_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AesGcm cipher;
    private final SecretKeySpec signingKey;

    private SecretBox(byte[] keys) {
        cipher = new AesGcm(Arrays.copyOfRange(keys, 0, AesGcm.KEY_BYTES));
        signingKey = new SecretKeySpec(Arrays.copyOfRange(keys, AesGcm.KEY_BYTES, 2 * AesGcm.KEY_BYTES), "HmacSHA256");
    }

    /** A single service's keys: {@code service.key} in its folder, made on first use. */
    public static SecretBox inFolder(Path folder) throws IOException {
        return new SecretBox(SecureFiles.key(folder.resolve("service.key"), KEY_BYTES));
    }

    /**
     * A fleet node's keys from the file every node is given: it must exist, hold exactly
     * {@link #KEY_BYTES} bytes and be readable by its owner only.
     */
    public static SecretBox fromFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("The key file " + file + " does not exist: make one for the fleet with "
                    + "'head -c " + KEY_BYTES + " /dev/urandom > FILE; chmod 600 FILE' and give every node the same");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(permission -> permission.name().startsWith("GROUP")
                || permission.name().startsWith("OTHERS"))) {
            throw new IOException("The key file " + file + " is readable by others than its owner: chmod 600 it");
        }
        byte[] keys = Files.readAllBytes(file);
        if (keys.length != KEY_BYTES) {
            throw new IOException("The key file " + file + " must hold exactly " + KEY_BYTES + " bytes, not " + keys.length);
        }
        return new SecretBox(keys);
    }

    /** A fleet node's keys from the environment: base64 of {@link #KEY_BYTES} bytes. */
    public static SecretBox fromBase64(String encoded) throws IOException {
        byte[] keys;
        try {
            keys = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(ENVIRONMENT + " is not base64");
        }
        if (keys.length != KEY_BYTES) {
            throw new IOException(ENVIRONMENT + " must hold exactly " + KEY_BYTES + " bytes, not " + keys.length);
        }
        return new SecretBox(keys);
    }

    /**
     * What the database keeps to recognise this key: its signature of a fixed text, from which the
     * key cannot be found, so that a node given another key is refused before it writes anything.
     */
    String keyCheck() {
        return HexFormat.of().formatHex(sign("liveness-kiosk service key check".getBytes(StandardCharsets.UTF_8)));
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
