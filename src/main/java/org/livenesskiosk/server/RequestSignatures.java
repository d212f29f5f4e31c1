package org.livenesskiosk.server;

import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.livenesskiosk.crypto.Ed25519;
import org.livenesskiosk.crypto.Sha256;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.RequestSignature;
import org.livenesskiosk.protocol.Routes;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Every request under {@link Routes#KIOSK_PREFIX}, whatever its route (those to come included),
 * must be signed ({@link RequestSignature}) by a kiosk the account enrolled, not revoked, of an
 * account not disabled; each signature serves once and only within five minutes of the service's
 * clock. On enrolment the kiosk has no id yet: it signs with the key it enrols, named in
 * {@link Headers#KIOSK_PUBLIC_KEY}, which proves it holds that key. The device found is the only
 * identity of the kiosk the other routes use.
 *
 * <p>Two steps, so that nobody without a kiosk's key makes the service read a body: {@link #identify}
 * judges the headers alone (the time, the kiosk, its account), and {@link #verify}, once the route's
 * admission let the request in, reads the body within its cap and checks the signature over it.
 */
final class RequestSignatures {

    private static final String DEVICE = "device";
    private static final String SIGNER = "signer";
    private static final long PRUNE_EVERY_MS = 60_000;

    /** The request's signed headers, read and judged: who claims to have signed it, with which key. */
    private record Signer(Optional<Store.Device> device, String deviceId, PublicKey key, long timestamp, String nonce,
                          byte[] signature) {
    }

    private final Store store;
    private final AtomicLong lastPrune = new AtomicLong();

    RequestSignatures(Store store) {
        this.store = store;
    }

    void registerIdentify(Javalin app) {
        app.before(Routes.KIOSK_PREFIX + "*", this::identify);
    }

    void registerVerify(Javalin app) {
        app.before(Routes.KIOSK_PREFIX + "*", this::verify);
    }

    /** The enrolled kiosk that signed the request; absent on the enrolment route only. */
    static Optional<Store.Device> device(Context ctx) {
        return Optional.ofNullable(ctx.attribute(DEVICE));
    }

    /** On enrolment: the key the kiosk enrols, whose signature the request carried. */
    static Optional<PublicKey> enrollingKey(Context ctx) {
        return Optional.<Signer>ofNullable(ctx.attribute(SIGNER)).filter(signer -> signer.device().isEmpty()).map(Signer::key);
    }

    private void identify(Context ctx) {
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
        Signer signer;
        if (enrolment(ctx)) {
            PublicKey key = Optional.ofNullable(ctx.header(Headers.KIOSK_PUBLIC_KEY)).filter(text -> text.length() <= 200)
                    .flatMap(Ed25519::publicKey)
                    .orElseThrow(() -> refused("AUTH_PARAMETER_ERROR", Headers.KIOSK_PUBLIC_KEY
                            + " must be the enrolling kiosk's Ed25519 public key, base64 of X.509"));
            signer = new Signer(Optional.empty(), "", key, timestamp, nonce, signature);
        } else {
            String deviceId = header(ctx, Headers.KIOSK_DEVICE);
            Optional<Store.Device> device = deviceId.length() > 64 ? Optional.empty() : store.device(deviceId);
            PublicKey key = device.flatMap(known -> Ed25519.publicKey(known.publicKey()))
                    .orElseThrow(() -> refused("AUTH_IAM_FAILED", "This kiosk is not enrolled with the service: enrol it with a "
                            + "code from the bank's administrator"));
            refuseIfBarred(device.get());
            signer = new Signer(device, deviceId, key, timestamp, nonce, signature);
            ctx.attribute(DEVICE, device.get());
        }
        ctx.attribute(SIGNER, signer);
    }

    private void verify(Context ctx) {
        Signer signer = ctx.attribute(SIGNER);
        String target = ctx.req().getRequestURI() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        byte[] message = RequestSignature.message(ctx.method().name(), target, signer.deviceId(), signer.timestamp(), signer.nonce(),
                ctx.bodyAsBytes());
        if (!Ed25519.verify(signer.key(), message, signer.signature())) {
            throw refused("AUTH_PARAMETER_ERROR", "The request's signature is wrong: it was not signed by this kiosk's key, "
                    + "or was altered on the way");
        }
        String once = Sha256.hex((signer.device().isEmpty() ? "enrol:" + Ed25519.encode(signer.key()) : "device:" + signer.deviceId())
                + ":" + signer.nonce());
        if (!store.useSignature(once, signer.timestamp() + RequestSignature.MAX_CLOCK_SKEW_MS)) {
            throw refused("AUTH_PARAMETER_ERROR", "This signed request was already used: a signature serves once");
        }
        long now = System.currentTimeMillis();
        signer.device().ifPresent(seen -> store.deviceSeen(seen.id(), now));
        prune(now);
    }

    private static boolean enrolment(Context ctx) {
        return ctx.path().equals(Routes.KIOSK_ENROLL) || ctx.path().equals(Routes.KIOSK_ENROLL + "/");
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
