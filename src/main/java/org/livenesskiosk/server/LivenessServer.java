package org.livenesskiosk.server;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.livenesskiosk.service.Sha256;
import org.livenesskiosk.service.UploadRequest;
import org.livenesskiosk.vision.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The reference liveness service over HTTP. Every answer is HTTP 200 with an {@link Envelope}.
 * Keys, tokens, tickets and licenses are never logged.
 */
public final class LivenessServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivenessServer.class);
    private static final Gson GSON = new Gson();
    private static final long MAX_REQUEST_BYTES = 8L << 20;
    private static final long TIMESTAMP_TOLERANCE_MS = 300_000;
    private static final long TICKET_LIFETIME_MS = 600_000;
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final int PASSING_SCORE = 50;
    private static final long IMAGE_URL_LIFETIME_MS = 300_000;
    private static final int MAX_IMAGE_BYTES = 2 << 20;

    public static final String DEMO_ACCESS_KEY = "demo-access-key";
    public static final String DEMO_SECRET_KEY = "demo-secret-key";
    public static final String DEMO_MARKET = "DEMO";
    public static final String DEMO_APPLICATION_ID = "org.livenesskiosk.kiosk";

    private final Store store;
    private final Licenses licenses;
    private final EvidenceCheck evidenceCheck;
    private final Javalin app;
    private final Semaphore checks;
    private final long busyWaitMs;
    private final long lockoutMs;

    private LivenessServer(Store store, Licenses licenses, EvidenceCheck evidenceCheck, ServiceLimits limits) {
        this.store = store;
        this.licenses = licenses;
        this.evidenceCheck = evidenceCheck;
        this.checks = new Semaphore(limits.concurrentChecks(), true);
        this.busyWaitMs = limits.busyWaitMs();
        this.lockoutMs = limits.lockoutMs();
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
        });
        app.post("/openapi/auth/ticket/v1/generate-token", this::generateToken);
        app.post("/openapi/liveness/v1/auth-license", this::authLicense);
        app.post("/liveness/ext/v1/generate-signature-id", this::generateSignatureId);
        app.post("/openapi/liveness/v3/detection-result", this::detectionResult);
        app.post("/openapi/liveness/v1/delete-result", this::deleteResult);
        app.get("/openapi/liveness/v3/image/{livenessId}", this::image);
        app.post("/kiosk/v1/authorize", this::authorize);
        app.post("/kiosk/v1/upload", this::upload);
        app.exception(ServiceException.class, (e, ctx) -> answer(ctx, Envelope.error(e.code(), e.getMessage())));
        app.exception(JsonParseException.class, (e, ctx) -> answer(ctx, Envelope.error("PARAMETER_ERROR", "The body is not valid JSON")));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request to {} failed", ctx.path(), e);
            answer(ctx, Envelope.error("ERROR", "The service failed; try again"));
        });
    }

    /** A service keeping its data (SQLite database, key file) in {@code dataDirectory}, with the demo account. */
    public static LivenessServer open(Path dataDirectory, Models models) throws IOException {
        return open(dataDirectory, Optional.empty(), models, ServiceLimits.defaults());
    }

    public static LivenessServer open(Path dataDirectory, Models models, ServiceLimits limits) throws IOException {
        return open(dataDirectory, Optional.empty(), models, limits);
    }

    /**
     * A service with its key file in {@code dataDirectory} and its records in a fleet's PostgreSQL
     * database when one is given (every service of the fleet then needs the same key file).
     */
    public static LivenessServer open(Path dataDirectory, Optional<String> databaseUrl, Models models, ServiceLimits limits)
            throws IOException {
        Store store = store(dataDirectory, databaseUrl);
        if (store.accountByAccessKey(DEMO_ACCESS_KEY).isEmpty()) {
            Store.Account demo = store.createAccount("Demo", DEMO_MARKET, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
            store.addApplication(demo.id(), DEMO_APPLICATION_ID);
        }
        return new LivenessServer(store, new Licenses(secretBox(dataDirectory)), new EvidenceCheck(models), limits);
    }

    static Store store(Path dataDirectory, Optional<String> databaseUrl) throws IOException {
        SecretBox secrets = secretBox(dataDirectory);
        return databaseUrl.isPresent() ? Store.postgresql(databaseUrl.get(), secrets)
                : Store.sqlite(dataDirectory.resolve("liveness.db"), secrets);
    }

    private static SecretBox secretBox(Path dataDirectory) throws IOException {
        return SecretBox.open(dataDirectory.resolve("service.key"));
    }

    /** Starts listening on {@code host}; port 0 picks a free port. */
    public LivenessServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    Store store() {
        return store;
    }

    @Override
    public void close() {
        app.stop();
    }

    private void generateToken(Context ctx) {
        JsonObject body = body(ctx);
        String accessKey = required(body, "accessKey");
        long timestamp = requiredLong(body, "timestamp");
        String signature = required(body, "signature");
        long periodSeconds = body.has("periodSecond") ? body.get("periodSecond").getAsLong() : 3600;
        long now = System.currentTimeMillis();
        if (Math.abs(now - timestamp) > TIMESTAMP_TOLERANCE_MS) {
            throw new ServiceException("PARAMETER_ERROR", "timestamp must be the current time in milliseconds, within 300 s");
        }
        if (periodSeconds < 60 || periodSeconds > 86_400) {
            throw new ServiceException("PARAMETER_ERROR", "periodSecond must be between 60 and 86400");
        }
        Store.Account account = store.accountByAccessKey(accessKey)
                .filter(candidate -> Sha256.tokenSignature(candidate.accessKey(), candidate.secretKey(), timestamp).equals(signature))
                .orElseThrow(() -> new ServiceException("IAM_FAILED", "The access key or the signature is wrong"));
        if (!account.enabled()) {
            throw new ServiceException("IAM_FAILED", "This account is disabled");
        }
        String token = SecretBox.randomToken();
        long expiresAt = now + periodSeconds * 1000;
        store.saveToken(Sha256.hex(token), account.id(), expiresAt);
        answer(ctx, Envelope.ok(Map.of("token", token, "expiredTime", expiresAt)));
    }

    private void authLicense(Context ctx) {
        Store.Account account = tokenAccount(ctx);
        JsonObject body = body(ctx);
        long seconds = body.has("licenseEffectiveSeconds") ? body.get("licenseEffectiveSeconds").getAsLong() : 600;
        if (seconds < 1 || seconds > 86_400) {
            throw new ServiceException("PARAMETER_ERROR", "licenseEffectiveSeconds must be between 1 and 86400");
        }
        List<String> applicationIds = body.has("applicationId")
                ? List.of(body.get("applicationId").getAsString().split("\\s*,\\s*")) : List.of();
        long expiresAt = System.currentTimeMillis() + seconds * 1000;
        String license = licenses.issue(new Licenses.License(account.id(), account.market(), applicationIds, expiresAt));
        answer(ctx, Envelope.ok(Map.of("license", license, "expireTimestamp", expiresAt)));
    }

    private void generateSignatureId(Context ctx) {
        Store.Account account = tokenAccount(ctx);
        String signatureId = SecretBox.randomToken();
        store.saveSignatureId(signatureId, account.id(), System.currentTimeMillis());
        answer(ctx, Envelope.ok(Map.of("signatureId", signatureId)));
    }

    private void authorize(Context ctx) {
        JsonObject body = body(ctx);
        Licenses.License license = licenses.read(required(body, "license"))
                .orElseThrow(() -> new ServiceException("AUTH_PARAMETER_ERROR", "The license was not issued by this service"));
        String applicationId = required(body, "applicationId");
        if (!license.market().equals(required(body, "market"))) {
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
        String deviceId = body.has("deviceId") ? body.get("deviceId").getAsString() : "unknown";
        refuseLockedDevice(account.id(), deviceId, now);
        String ticket = SecretBox.randomToken();
        long expiresAt = Math.min(license.expiresAt(), now + TICKET_LIFETIME_MS);
        store.saveTicket(Sha256.hex(ticket), account.id(), applicationId, deviceId, expiresAt);
        answer(ctx, Envelope.ok(Map.of("ticket", ticket, "expireTimestamp", expiresAt, "settings", store.settings(account.id()))));
    }

    private void upload(Context ctx) {
        String ticket = Optional.ofNullable(ctx.header("X-KIOSK-TICKET"))
                .orElseThrow(() -> new ServiceException("AUTH_TICKET_DISABLE", "No kiosk ticket: authorize first"));
        String accountId = store.accountOfTicket(Sha256.hex(ticket), System.currentTimeMillis())
                .orElseThrow(() -> new ServiceException("AUTH_TICKET_DISABLE", "The kiosk ticket is unknown or has expired"));
        UploadRequest evidence = GSON.fromJson(ctx.body(), UploadRequest.class);
        if (evidence == null || evidence.sessionId() == null || evidence.sessionId().isBlank() || evidence.sessionId().length() > 64) {
            throw new ServiceException("PARAMETER_ERROR", "sessionId is required (at most 64 characters)");
        }
        Optional<Store.StoredResult> earlier = store.resultBySession(accountId, evidence.sessionId());
        if (earlier.isPresent()) {
            answer(ctx, Envelope.ok(Map.of("livenessId", earlier.get().livenessId())));
            return;
        }
        if (evidence.signatureId() != null && !store.signatureIdExists(accountId, evidence.signatureId())) {
            throw new ServiceException("PARAMETER_ERROR", "The signatureId is unknown");
        }
        requireJpegImages(evidence);
        String deviceId = store.deviceOfTicket(Sha256.hex(ticket)).orElse("unknown");
        refuseLockedDevice(accountId, deviceId, System.currentTimeMillis());
        EvidenceCheck.Verdict verdict = checkWhenFree(ctx, evidence);
        if (verdict.score() < PASSING_SCORE) {
            store.recordDeviceFailure(accountId, deviceId, System.currentTimeMillis());
        }
        String livenessId = SecretBox.randomToken();
        Optional<byte[]> bestImage = Optional.ofNullable(evidence.images()).map(images -> images.get("best"))
                .map(encoded -> Base64.getDecoder().decode(encoded)).map(store::encrypt);
        store.saveResult(new Store.StoredResult(livenessId, accountId, evidence.sessionId(), Optional.ofNullable(evidence.signatureId()),
                Optional.ofNullable(evidence.userId()), verdict.score(), verdict.attackType(),
                Optional.ofNullable(evidence.sdkVersion()).orElse("unknown"), Optional.ofNullable(evidence.platform()).orElse("unknown"),
                bestImage), System.currentTimeMillis());
        answer(ctx, Envelope.ok(Map.of("livenessId", livenessId)));
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

    /**
     * A device whose uploads failed {@link ServiceLimits#MAX_FAILURES} times within
     * {@link ServiceLimits#FAILURE_WINDOW_MS} is refused until the lock-out after the last of them
     * has passed: repeated attempts with a mask or a screen get nowhere fast.
     */
    private void refuseLockedDevice(String accountId, String deviceId, long now) {
        List<Long> failures = store.deviceFailuresSince(accountId, deviceId, now - ServiceLimits.FAILURE_WINDOW_MS - lockoutMs);
        for (int last = failures.size() - 1; last >= ServiceLimits.MAX_FAILURES - 1; last--) {
            long first = failures.get(last - ServiceLimits.MAX_FAILURES + 1);
            long lockedUntil = failures.get(last) + lockoutMs;
            if (failures.get(last) - first <= ServiceLimits.FAILURE_WINDOW_MS && now < lockedUntil) {
                throw new ServiceException("DEVICE_LOCKED", "Too many failed attempts on this kiosk; it may try again in "
                        + (lockedUntil - now + 999) / 1000 + " s");
            }
        }
    }

    /** Re-checks the evidence when a core is free; when none frees up soon, says SERVICE_BUSY with Retry-After. */
    private EvidenceCheck.Verdict checkWhenFree(Context ctx, UploadRequest evidence) {
        try {
            if (!checks.tryAcquire(busyWaitMs, TimeUnit.MILLISECONDS)) {
                ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
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

    private void detectionResult(Context ctx) {
        Store.Account account = tokenAccount(ctx);
        JsonObject body = body(ctx);
        String resultType = body.has("resultType") ? body.get("resultType").getAsString() : "IMAGE_BASE64";
        if (!resultType.equals("IMAGE_BASE64") && !resultType.equals("IMAGE_URL")) {
            throw new ServiceException("PARAMETER_ERROR", "resultType is IMAGE_BASE64 or IMAGE_URL");
        }
        Store.StoredResult result;
        if (body.has("livenessId")) {
            result = store.resultByLivenessId(account.id(), body.get("livenessId").getAsString())
                    .orElseThrow(() -> new ServiceException("LIVENESS_ID_NOT_EXISTED", "No result has this livenessId"));
        } else if (body.has("signatureId")) {
            String signatureId = body.get("signatureId").getAsString();
            if (!store.signatureIdExists(account.id(), signatureId)) {
                throw new ServiceException("PARAMETER_ERROR", "The signatureId is unknown");
            }
            result = store.resultBySignatureId(account.id(), signatureId)
                    .orElseThrow(() -> new ServiceException("RESULT_NOT_FOUND", "No result for this signatureId yet"));
        } else {
            throw new ServiceException("PARAMETER_ERROR", "livenessId or signatureId is required");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("livenessId", result.livenessId());
        data.put("livenessScore", result.score());
        result.attackType().ifPresent(type -> data.put("attackType", type));
        result.userId().ifPresent(user -> data.put("userId", user));
        data.put("sdkVersion", result.sdkVersion());
        data.put("platform", result.platform());
        if (result.encryptedImage().isPresent()) {
            data.put("detectionResult", resultType.equals("IMAGE_URL") ? imageUrl(ctx, result.livenessId())
                    : Base64.getEncoder().encodeToString(decryptedImage(result)));
        }
        answer(ctx, Envelope.ok(data));
    }

    /**
     * A link to the best image that works for {@link #IMAGE_URL_LIFETIME_MS} only: the image is
     * biometric data, so the link carries its own signed expiry instead of the caller's token.
     */
    private String imageUrl(Context ctx, String livenessId) {
        long expiresAt = System.currentTimeMillis() + IMAGE_URL_LIFETIME_MS;
        return ctx.scheme() + "://" + ctx.host() + "/openapi/liveness/v3/image/" + livenessId + "?expires=" + expiresAt
                + "&signature=" + imageSignature(livenessId, expiresAt);
    }

    private String imageSignature(String livenessId, long expiresAt) {
        return HexFormat.of().formatHex(licenses.sign((livenessId + ":" + expiresAt).getBytes(StandardCharsets.UTF_8)));
    }

    private void image(Context ctx) {
        String livenessId = ctx.pathParam("livenessId");
        long expiresAt;
        try {
            expiresAt = Long.parseLong(Optional.ofNullable(ctx.queryParam("expires")).orElse("0"));
        } catch (NumberFormatException e) {
            expiresAt = 0;
        }
        String signature = Optional.ofNullable(ctx.queryParam("signature")).orElse("");
        boolean valid = expiresAt > System.currentTimeMillis()
                && MessageDigest.isEqual(imageSignature(livenessId, expiresAt).getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
        Optional<Store.StoredResult> result = valid ? store.resultByLivenessIdAnyAccount(livenessId) : Optional.empty();
        if (result.isEmpty() || result.get().encryptedImage().isEmpty()) {
            ctx.status(404).result("This image link is unknown or has expired");
            return;
        }
        ctx.contentType("image/jpeg").header("Cache-Control", "no-store").result(decryptedImage(result.get()));
    }

    private byte[] decryptedImage(Store.StoredResult result) {
        try {
            return store.decryptImage(result.encryptedImage().orElseThrow());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored image cannot be decrypted", e);
        }
    }

    private void deleteResult(Context ctx) {
        Store.Account account = tokenAccount(ctx);
        String livenessId = required(body(ctx), "livenessId");
        if (!store.deleteResult(account.id(), livenessId)) {
            throw new ServiceException("LIVENESS_ID_NOT_EXISTED", "No result has this livenessId");
        }
        answer(ctx, Envelope.ok(Map.of("livenessId", livenessId, "deleted", true)));
    }

    private Store.Account tokenAccount(Context ctx) {
        String token = Optional.ofNullable(ctx.header("X-ACCESS-TOKEN"))
                .orElseThrow(() -> new ServiceException("IAM_FAILED", "X-ACCESS-TOKEN is required"));
        return store.accountOfToken(Sha256.hex(token), System.currentTimeMillis())
                .flatMap(store::accountById)
                .filter(Store.Account::enabled)
                .orElseThrow(() -> new ServiceException("IAM_FAILED", "The access token is unknown or has expired"));
    }

    private static JsonObject body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return new JsonObject();
        }
        try {
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (IllegalStateException notAnObject) {
            throw new ServiceException("PARAMETER_ERROR", "The body must be a JSON object");
        }
    }

    private static String required(JsonObject body, String field) {
        if (!body.has(field) || body.get(field).isJsonNull() || body.get(field).getAsString().isBlank()) {
            throw new ServiceException("PARAMETER_ERROR", field + " is required");
        }
        return body.get(field).getAsString();
    }

    private static long requiredLong(JsonObject body, String field) {
        try {
            return Long.parseLong(required(body, field));
        } catch (NumberFormatException e) {
            throw new ServiceException("PARAMETER_ERROR", field + " must be a whole number");
        }
    }

    private static void answer(Context ctx, Envelope envelope) {
        ctx.status(200).contentType("application/json").result(GSON.toJson(envelope));
    }
}
