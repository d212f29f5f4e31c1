package org.livenesskiosk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords kept as their Argon2id hash (RFC 9106), in the PHC string form
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), so that a hash made under other costs still
 * verifies after the costs below change. The JDK has no memory-hard function; Bouncy Castle's is
 * the one thing of it used.
 */
public final class Argon2id {

    /**
     * 19 MiB, two passes, one lane: OWASP's password-storage recommendation for Argon2id
     * (m=19456 KiB, t=2, p=1), about 50 ms on one core of a service's machine. A guess costs an
     * attacker with a stolen database the same 19 MiB each, which is what defeats GPUs; more memory
     * would take it from the face checks sharing the service's heap, and the service hashes at most
     * a few at once (ReviewerPasswords). One lane: the service's cores belong to the face checks.
     */
    static final int MEMORY_KIB = 19_456;
    static final int PASSES = 2;
    static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Argon2id() {
    }

    /** The password's hash under a new random salt. */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    /** Whether the password is the one {@code encoded} was made from; false for anything that is not such a hash. */
    public static boolean matches(String password, String encoded) {
        Matcher parts = ENCODED.matcher(encoded);
        if (!parts.matches()) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts.group(5));
        byte[] actual = derive(password, Base64.getDecoder().decode(parts.group(4)), Integer.parseInt(parts.group(1)),
                Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(passes).withParallelism(lanes).build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
