package org.livenesskiosk.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.livenesskiosk.crypto.Ed25519;
import org.livenesskiosk.crypto.SecureFiles;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

/**
 * Who this kiosk is to the services it enrolled with: its Ed25519 key pair, made on first use
 * ({@value #KEY_FILE}, owner-only: the private key never leaves it), and the id each service gave
 * it at enrolment ({@value #ENROLLMENTS_FILE}). Every kiosk request is signed with the key.
 */
public final class DeviceIdentity {

    public static final String KEY_FILE = "device.key";
    public static final String ENROLLMENTS_FILE = "device-enrollments.json";
    private static final Gson GSON = new Gson();

    /**
     * This kiosk's enrolment with one service.
     *
     * @param deviceId   the service's id of this kiosk
     * @param codeDigest a digest of the enrollment code used, to tell a new code the operator typed from the one already used
     */
    public record Enrollment(String deviceId, String codeDigest) {
    }

    private record StoredKey(String privateKey, String publicKey) {
    }

    private final Path folder;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DeviceIdentity(Path folder, PrivateKey privateKey, PublicKey publicKey) {
        this.folder = folder;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The identity kept in {@code folder}, its key pair made on first use. */
    public static synchronized DeviceIdentity in(Path folder) throws IOException {
        Path file = folder.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            SecureFiles.directories(folder);
            KeyPair fresh = Ed25519.generate();
            Base64.Encoder base64 = Base64.getEncoder();
            SecureFiles.write(file, GSON.toJson(new StoredKey(base64.encodeToString(fresh.getPrivate().getEncoded()),
                    base64.encodeToString(fresh.getPublic().getEncoded()))).getBytes(StandardCharsets.UTF_8));
        }
        try {
            StoredKey stored = GSON.fromJson(Files.readString(file), StoredKey.class);
            Base64.Decoder base64 = Base64.getDecoder();
            return new DeviceIdentity(folder, Ed25519.privateKey(base64.decode(stored.privateKey())),
                    Ed25519.publicKey(base64.decode(stored.publicKey())));
        } catch (GeneralSecurityException | JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new IOException("The kiosk's key " + file + " is damaged: delete it, and enrol the kiosk again", e);
        }
    }

    /** The public key as enrolment sends it. */
    public String publicKey() {
        return Ed25519.encode(publicKey);
    }

    /** This kiosk's signature of {@code message}: what {@link LivenessClient} puts on each kiosk call. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /** This kiosk's enrolment with the service named {@code service} (its URL, or the embedded one's name). */
    public synchronized Optional<Enrollment> enrollment(String service) throws IOException {
        return Optional.ofNullable(enrollments().get(service));
    }

    /** The services this kiosk enrolled with, by the names {@link #enrollment} takes. */
    public synchronized Set<String> enrolledWith() throws IOException {
        return Set.copyOf(enrollments().keySet());
    }

    /** Remembers this kiosk's id at {@code service}. */
    public synchronized void enrolled(String service, Enrollment enrollment) throws IOException {
        Map<String, Enrollment> all = enrollments();
        all.put(service, enrollment);
        SecureFiles.write(folder.resolve(ENROLLMENTS_FILE), GSON.toJson(all).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Enrollment> enrollments() throws IOException {
        Path file = folder.resolve(ENROLLMENTS_FILE);
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Enrollment> read = GSON.fromJson(Files.readString(file), new TypeToken<LinkedHashMap<String, Enrollment>>() {
            }.getType());
            return read == null ? new LinkedHashMap<>() : read;
        } catch (JsonParseException e) {
            throw new IOException("The kiosk's enrollments " + file + " are damaged: delete the file, and enrol the kiosk again", e);
        }
    }

    @Override
    public String toString() {
        return "DeviceIdentity[" + folder + "]";
    }
}
