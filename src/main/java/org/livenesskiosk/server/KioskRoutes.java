package org.livenesskiosk.server;

import static org.livenesskiosk.server.JsonExchange.answer;
import static org.livenesskiosk.server.JsonExchange.body;
import static org.livenesskiosk.server.JsonExchange.required;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.livenesskiosk.crypto.Sha256;
import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.UploadRequest;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The kiosks' API: a license exchanged for a ticket and the account's challenge, and each
 * session's evidence re-checked and scored for a livenessId. Uploads are idempotent on the
 * kiosk's session id, and run after {@link Authentication} found the ticket's kiosk.
 */
final class KioskRoutes {

    private static final long TICKET_LIFETIME_MS = 600_000;
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final int PASSING_SCORE = 50;
    private static final int MAX_IMAGE_BYTES = 2 << 20;

    private final Store store;
    private final Licenses licenses;
    private final EvidenceCheck evidenceCheck;
    private final DeviceLockout lockout;
    private final Semaphore checks;
    private final long busyWaitMs;

    KioskRoutes(Store store, Licenses licenses, EvidenceCheck evidenceCheck, ServiceLimits limits) {
        this.store = store;
        this.licenses = licenses;
        this.evidenceCheck = evidenceCheck;
        this.lockout = new DeviceLockout(store, limits.lockoutMs());
        this.checks = new Semaphore(limits.concurrentChecks(), true);
        this.busyWaitMs = limits.busyWaitMs();
    }

    void register(Javalin app) {
        app.post(Routes.KIOSK_AUTHORIZE, this::authorize);
        app.post(Routes.KIOSK_UPLOAD, this::upload);
    }

    private void authorize(Context ctx) {
        KioskApi.AuthorizeRequest request = body(ctx, KioskApi.AuthorizeRequest.class);
        Licenses.License license = licenses.read(required(request.license(), "license"))
                .orElseThrow(() -> new ServiceException("AUTH_PARAMETER_ERROR", "The license was not issued by this service"));
        String applicationId = required(request.applicationId(), "applicationId");
        if (!license.market().equals(required(request.market(), "market"))) {
            throw new ServiceException("AUTH_PARAMETER_ERROR", "The market does not match the account's");
        }
        Store.Account account = store.accountById(license.accountId())
                .orElseThrow(() -> new ServiceException("AUTH_PARAMETER_ERROR", "The license's account does not exist"));
        if (!account.enabled()) {
            throw new ServiceException("AUTH_ACCOUNT_ACCESS_DENIED", "This account may not use liveness detection");
        }
        if ((!license.applicationIds().isEmpty() && !license.applicationIds().contains(applicationId))
                || !store.hasApplication(account.id(), applicationId)) {
            throw new ServiceException("AUTH_IAM_FAILED", "The application id " + applicationId + " is not registered");
        }
        long now = System.currentTimeMillis();
        if (license.expiresAt() <= now) {
            throw new ServiceException("AUTH_TICKET_DISABLE", "The license has expired");
        }
        Store.Device device = Authentication.device(ctx);
        if (!device.accountId().equals(account.id())) {
            throw new ServiceException("AUTH_PARAMETER_ERROR", "The license belongs to another account than this kiosk");
        }
        String deviceId = device.id();
        lockout.refuseIfLocked(account.id(), deviceId, now);
        String ticket = SecretBox.randomToken();
        long expiresAt = Math.min(license.expiresAt(), now + TICKET_LIFETIME_MS);
        store.saveTicket(Sha256.hex(ticket), account.id(), applicationId, deviceId, expiresAt);
        answer(ctx, Envelope.ok(new KioskApi.AuthorizeAnswer(ticket, expiresAt, store.settings(account.id()))));
    }

    private void upload(Context ctx) {
        Authentication.Kiosk kiosk = Authentication.kiosk(ctx);
        UploadRequest evidence = body(ctx, UploadRequest.class);
        if (evidence.sessionId() == null || evidence.sessionId().isBlank() || evidence.sessionId().length() > 64) {
            throw new ServiceException("PARAMETER_ERROR", "sessionId is required (at most 64 characters)");
        }
        Optional<Store.StoredResult> earlier = store.resultBySession(kiosk.accountId(), evidence.sessionId());
        if (earlier.isPresent()) {
            answer(ctx, Envelope.ok(new KioskApi.UploadAnswer(earlier.get().livenessId())));
            return;
        }
        if (evidence.signatureId() != null && !store.signatureIdExists(kiosk.accountId(), evidence.signatureId())) {
            throw new ServiceException("PARAMETER_ERROR", "The signatureId is unknown");
        }
        requireJpegImages(evidence);
        lockout.refuseIfLocked(kiosk.accountId(), kiosk.deviceId(), System.currentTimeMillis());
        EvidenceCheck.Verdict verdict = checkWhenFree(ctx, evidence);
        if (verdict.score() < PASSING_SCORE) {
            lockout.failed(kiosk.accountId(), kiosk.deviceId(), System.currentTimeMillis());
        }
        String livenessId = SecretBox.randomToken();
        Optional<byte[]> bestImage = Optional.ofNullable(evidence.images()).map(images -> images.get("best"))
                .map(encoded -> Base64.getDecoder().decode(encoded)).map(store::encrypt);
        store.saveResult(new Store.StoredResult(livenessId, kiosk.accountId(), evidence.sessionId(),
                Optional.ofNullable(evidence.signatureId()), Optional.ofNullable(evidence.userId()), verdict.score(),
                verdict.attackType(), Optional.ofNullable(evidence.sdkVersion()).orElse("unknown"),
                Optional.ofNullable(evidence.platform()).orElse("unknown"), bestImage), System.currentTimeMillis());
        answer(ctx, Envelope.ok(new KioskApi.UploadAnswer(livenessId)));
    }

    /** Every image must be a JPEG of sensible size: anything else is refused before it is decoded. */
    private static void requireJpegImages(UploadRequest evidence) {
        if (evidence.images() == null || evidence.images().isEmpty()) {
            throw new ServiceException("PARAMETER_ERROR", "images are required");
        }
        for (Map.Entry<String, String> image : evidence.images().entrySet()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(image.getValue());
            } catch (IllegalArgumentException e) {
                throw new ServiceException("PARAMETER_ERROR", "images." + image.getKey() + " is not base64");
            }
            boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
            if (!jpeg || bytes.length > MAX_IMAGE_BYTES) {
                throw new ServiceException("PARAMETER_ERROR", "images." + image.getKey() + " must be a JPEG of at most "
                        + MAX_IMAGE_BYTES / 1024 + " KB");
            }
        }
    }

    /** Re-checks the evidence when a core is free; when none frees up soon, says SERVICE_BUSY with Retry-After. */
    private EvidenceCheck.Verdict checkWhenFree(Context ctx, UploadRequest evidence) {
        try {
            if (!checks.tryAcquire(busyWaitMs, TimeUnit.MILLISECONDS)) {
                ctx.header(Headers.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
                throw new ServiceException("SERVICE_BUSY", "The service is busy; retry in " + RETRY_AFTER_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("SERVICE_BUSY", "The service is shutting down");
        }
        try {
            return evidenceCheck.check(evidence);
        } finally {
            checks.release();
        }
    }
}
