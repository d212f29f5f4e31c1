package org.livenesskiosk.server;

import static org.livenesskiosk.server.JsonExchange.answer;
import static org.livenesskiosk.server.JsonExchange.body;
import static org.livenesskiosk.server.JsonExchange.required;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.livenesskiosk.crypto.Ed25519;
import org.livenesskiosk.crypto.Sha256;
import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.Routes;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The kiosks each account enrolled. The bank's administrator makes a one-time enrollment code
 * ({@link #newCode}); a new kiosk sends it with its public key ({@link Routes#KIOSK_ENROLL}, the
 * request signed with that key) and gets the service's own id for it. Codes are stored as their
 * SHA-256 only, serve once and expire after {@link #CODE_LIFETIME_MS}.
 */
final class Devices {

    /** An enrollment code, shown once to the administrator. */
    record Enrollment(String code, long expiresAt) {
        @Override
        public String toString() {
            return "Enrollment[expiresAt=" + expiresAt + "]";
        }
    }

    static final long CODE_LIFETIME_MS = 24 * 3_600_000L;
    /** Easy to read out and type: no I, L, O or U. 20 characters of 32 are 100 bits. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CODE_CHARACTERS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;

    Devices(Store store) {
        this.store = store;
    }

    void register(Javalin app) {
        app.post(Routes.KIOSK_ENROLL, this::enroll);
    }

    /**
     * A one-time code enrolling one kiosk in the account, valid for a day.
     *
     * @param branch where the kiosk stands, as the operations team knows it
     */
    Enrollment newCode(String accountId, Optional<String> branch) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_CHARACTERS; i++) {
            if (i > 0 && i % 5 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        long now = System.currentTimeMillis();
        long expiresAt = now + CODE_LIFETIME_MS;
        store.saveEnrollmentCode(hash(code.toString()), accountId, now, expiresAt, branch);
        return new Enrollment(code.toString(), expiresAt);
    }

    /** The code as stored: its SHA-256, after the spellings an operator may type are made one. */
    static String hash(String code) {
        String normal = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        return Sha256.hex("enrollment-code:" + normal);
    }

    private void enroll(Context ctx) {
        KioskApi.EnrollRequest request = body(ctx, KioskApi.EnrollRequest.class);
        String code = required(request.enrollmentCode(), "enrollmentCode");
        // The key the request was signed with, from its header; the body, when it names one, must name the same.
        String publicKey = Ed25519.encode(RequestSignatures.enrollingKey(ctx).orElseThrow());
        if (request.publicKey() != null && !request.publicKey().equals(publicKey)) {
            throw new ServiceException("AUTH_PARAMETER_ERROR", "publicKey is not the key the request was signed with");
        }
        Store.Device device = store.enrollDevice(hash(code), UUID.randomUUID().toString(), publicKey, System.currentTimeMillis())
                .orElseThrow(() -> new ServiceException("AUTH_PARAMETER_ERROR",
                        "The enrollment code is unknown, already used or expired: ask the bank's administrator for a new one"));
        if (!store.accountById(device.accountId()).map(Store.Account::enabled).orElse(false)) {
            store.revokeDevice(device.id(), System.currentTimeMillis());
            throw new ServiceException("AUTH_ACCOUNT_ACCESS_DENIED", "This account may not use liveness detection");
        }
        answer(ctx, Envelope.ok(new KioskApi.EnrollAnswer(device.id())));
    }
}
