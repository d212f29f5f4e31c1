package org.livenesskiosk.server;

import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.livenesskiosk.crypto.Ed25519;
import org.livenesskiosk.crypto.Sha256;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.RequestSignature;
import org.livenesskiosk.protocol.Routes;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Every request under {@link Routes#KIOSK_PREFIX}, whatever its route (those to come included),
 * must be signed ({@link RequestSignature}) by a kiosk the account enrolled, not revoked, of an
 * account not disabled; each signature serves once and only within five minutes of the service's
 * clock. On enrolment the kiosk has no id yet: it signs with the key it enrols, which proves it
 * holds that key. The device found is the only identity of the kiosk the other routes use.
 */
final class RequestSignatures {

    private static final String DEVICE = "device";
    private static final long PRUNE_EVERY_MS = 60_000;

    private final Store store;
    private final AtomicLong lastPrune = new AtomicLong();

    RequestSignatures(Store store) {
        this.store = store;
    }

    void register(Javalin app) {
        app.before(Routes.KIOSK_PREFIX + "*", this::verify);
    }

    /** The enrolled kiosk that signed the request; absent on the enrolment route only. */
    static Optional<Store.Device> device(Context ctx) {
        return Optional.ofNullable(ctx.attribute(DEVICE));
    }

    private void verify(Context ctx) {
        long now = System.currentTimeMillis();
        String signatureText = header(ctx, Headers.KIOSK_SIGNATURE);
        String nonce = header(ctx, Headers.KIOSK_NONCE);
        if (nonce.length() > RequestSignature.MAX_NONCE_LENGTH) {
            throw refused("AUTH_PARAMETER_ERROR", Headers.KIOSK_NONCE + " is too long");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(header(ctx, Headers.KIOSK_TIMESTAMP));
        } catch (NumberFormatException e) {
            throw refused("AUTH_PARAMETER_ERROR", Headers.KIOSK_TIMESTAMP + " must be the time in milliseconds");
        }
        if (Math.abs(now - timestamp) > RequestSignature.MAX_CLOCK_SKEW_MS) {
            throw refused("AUTH_PARAMETER_ERROR", "The request was signed more than 5 minutes from the service's time: "
                    + "check the kiosk's clock");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureText);
        } catch (IllegalArgumentException e) {
            throw refused("AUTH_PARAMETER_ERROR", Headers.KIOSK_SIGNATURE + " is not base64");
        }
        byte[] body = ctx.bodyAsBytes();
        boolean enrolment = ctx.path().equals(Routes.KIOSK_ENROLL) || ctx.path().equals(Routes.KIOSK_ENROLL + "/");
        Optional<Store.Device> device = Optional.empty();
        PublicKey key;
        String deviceId;
        if (enrolment) {
            deviceId = "";
            String encoded = JsonExchange.body(ctx, KioskApi.EnrollRequest.class).publicKey();
            key = Optional.ofNullable(encoded).flatMap(Ed25519::publicKey)
                    .orElseThrow(() -> refused("AUTH_PARAMETER_ERROR", "publicKey must be an Ed25519 public key, base64 of X.509"));
        } else {
            deviceId = header(ctx, Headers.KIOSK_DEVICE);
            device = deviceId.length() > 64 ? Optional.empty() : store.device(deviceId);
            key = device.flatMap(known -> Ed25519.publicKey(known.publicKey()))
                    .orElseThrow(() -> refused("AUTH_IAM_FAILED", "This kiosk is not enrolled with the service: enrol it with a "
                            + "code from the bank's administrator"));
        }
        String target = ctx.req().getRequestURI() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        byte[] message = RequestSignature.message(ctx.method().name(), target, deviceId, timestamp, nonce, body);
        if (!Ed25519.verify(key, message, signature)) {
            throw refused("AUTH_PARAMETER_ERROR", "The request's signature is wrong: it was not signed by this kiosk's key, "
                    + "or was altered on the way");
        }
        if (device.isPresent()) {
            refuseIfBarred(device.get());
        }
        String once = Sha256.hex((enrolment ? "enrol:" + Ed25519.encode(key) : "device:" + deviceId) + ":" + nonce);
        if (!store.useSignature(once, timestamp + RequestSignature.MAX_CLOCK_SKEW_MS)) {
            throw refused("AUTH_PARAMETER_ERROR", "This signed request was already used: a signature serves once");
        }
        device.ifPresent(seen -> {
            store.deviceSeen(seen.id(), now);
            ctx.attribute(DEVICE, seen);
        });
        prune(now);
    }

    /** A revoked kiosk, or any kiosk of a disabled account, is refused at once, whatever it holds. */
    private void refuseIfBarred(Store.Device device) {
        if (device.revoked()) {
            throw refused("AUTH_ACCOUNT_ACCESS_DENIED", "This kiosk was revoked by the bank's administrator");
        }
        boolean enabled = store.accountById(device.accountId()).map(Store.Account::enabled).orElse(false);
        if (!enabled) {
            throw refused("AUTH_ACCOUNT_ACCESS_DENIED", "This account may not use liveness detection");
        }
    }

    private void prune(long now) {
        long last = lastPrune.get();
        if (now - last > PRUNE_EVERY_MS && lastPrune.compareAndSet(last, now)) {
            store.forgetSignaturesBefore(now);
        }
    }

    private static String header(Context ctx, String name) {
        String value = ctx.header(name);
        if (value == null || value.isBlank()) {
            throw refused("AUTH_PARAMETER_ERROR", "Unsigned request: every kiosk request carries " + name
                    + " (signed with the key the kiosk enrolled)");
        }
        return value.strip();
    }

    private static ServiceException refused(String code, String message) {
        return new ServiceException(code, message);
    }
}
