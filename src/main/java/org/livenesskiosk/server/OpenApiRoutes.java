package org.livenesskiosk.server;

import static org.livenesskiosk.server.JsonExchange.answer;
import static org.livenesskiosk.server.JsonExchange.body;
import static org.livenesskiosk.server.JsonExchange.required;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.crypto.Sha256;
import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.OpenApi;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.TokenSignature;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The open API as the mobile SDK's provider documents it, for the integrator's back end: tokens
 * for its keys, licenses for its kiosks, signatureIds, results and their deletion. Every route but
 * the token's runs after {@link Authentication} found the token's account.
 */
final class OpenApiRoutes {

    private static final long TIMESTAMP_TOLERANCE_MS = 300_000;
    private static final long DEFAULT_TOKEN_SECONDS = 3_600;
    private static final long DEFAULT_LICENSE_SECONDS = 600;

    private final Store store;
    private final Licenses licenses;
    private final ResultImages images;
    private final ReviewQueue reviews;

    OpenApiRoutes(Store store, Licenses licenses, ResultImages images, ReviewQueue reviews) {
        this.store = store;
        this.licenses = licenses;
        this.images = images;
        this.reviews = reviews;
    }

    void register(Javalin app) {
        app.post(Routes.GENERATE_TOKEN, this::generateToken);
        app.post(Routes.AUTH_LICENSE, this::authLicense);
        app.post(Routes.GENERATE_SIGNATURE_ID, this::generateSignatureId);
        app.post(Routes.DETECTION_RESULT, this::detectionResult);
        app.post(Routes.DELETE_RESULT, this::deleteResult);
    }

    private void generateToken(Context ctx) {
        OpenApi.TokenRequest request = body(ctx, OpenApi.TokenRequest.class);
        String accessKey = required(request.accessKey(), "accessKey");
        long timestamp = required(request.timestamp(), "timestamp");
        String signature = required(request.signature(), "signature");
        long periodSeconds = Optional.ofNullable(request.periodSecond()).orElse(DEFAULT_TOKEN_SECONDS);
        long now = System.currentTimeMillis();
        if (Math.abs(now - timestamp) > TIMESTAMP_TOLERANCE_MS) {
            throw new ServiceException("PARAMETER_ERROR", "timestamp must be the current time in milliseconds, within 300 s");
        }
        if (periodSeconds < 60 || periodSeconds > 86_400) {
            throw new ServiceException("PARAMETER_ERROR", "periodSecond must be between 60 and 86400");
        }
        Store.Account account = store.accountByAccessKey(accessKey)
                .filter(candidate -> TokenSignature.matches(signature, candidate.accessKey(), candidate.secretKey(), timestamp))
                .orElseThrow(() -> new ServiceException("IAM_FAILED", "The access key or the signature is wrong"));
        if (!account.enabled()) {
            throw Authentication.disabled();
        }
        if (!store.useSignature(Sha256.hex("token:" + accessKey + ":" + signature), timestamp + TIMESTAMP_TOLERANCE_MS)) {
            throw new ServiceException("IAM_FAILED", "This signed token request was already used: sign a new one");
        }
        String token = SecretBox.randomToken();
        long expiresAt = now + periodSeconds * 1000;
        store.saveToken(Sha256.hex(token), account.id(), expiresAt);
        answer(ctx, Envelope.ok(new OpenApi.TokenAnswer(token, expiresAt)));
    }

    private void authLicense(Context ctx) {
        Store.Account account = Authentication.account(ctx);
        OpenApi.LicenseRequest request = body(ctx, OpenApi.LicenseRequest.class);
        long seconds = Optional.ofNullable(request.licenseEffectiveSeconds()).orElse(DEFAULT_LICENSE_SECONDS);
        if (seconds < 1 || seconds > 86_400) {
            throw new ServiceException("PARAMETER_ERROR", "licenseEffectiveSeconds must be between 1 and 86400");
        }
        List<String> applicationIds = request.applicationId() == null ? List.of()
                : List.of(request.applicationId().split("\\s*,\\s*"));
        long expiresAt = System.currentTimeMillis() + seconds * 1000;
        String license = licenses.issue(new Licenses.License(account.id(), account.market(), applicationIds, expiresAt));
        answer(ctx, Envelope.ok(new OpenApi.LicenseAnswer(license, expiresAt)));
    }

    private void generateSignatureId(Context ctx) {
        Store.Account account = Authentication.account(ctx);
        String signatureId = SecretBox.randomToken();
        store.saveSignatureId(signatureId, account.id(), System.currentTimeMillis());
        answer(ctx, Envelope.ok(new OpenApi.SignatureIdAnswer(signatureId)));
    }

    private void detectionResult(Context ctx) {
        Store.Account account = Authentication.account(ctx);
        OpenApi.ResultRequest request = body(ctx, OpenApi.ResultRequest.class);
        String resultType = Optional.ofNullable(request.resultType()).orElse(OpenApi.ResultRequest.IMAGE_BASE64);
        if (!resultType.equals(OpenApi.ResultRequest.IMAGE_BASE64) && !resultType.equals(OpenApi.ResultRequest.IMAGE_URL)) {
            throw new ServiceException("PARAMETER_ERROR", "resultType is IMAGE_BASE64 or IMAGE_URL");
        }
        Store.StoredResult result;
        if (request.livenessId() != null) {
            result = store.resultByLivenessId(account.id(), request.livenessId())
                    .orElseThrow(() -> new ServiceException("LIVENESS_ID_NOT_EXISTED", "No result has this livenessId"));
        } else if (request.signatureId() != null) {
            if (!store.signatureIdExists(account.id(), request.signatureId())) {
                throw new ServiceException("PARAMETER_ERROR", "The signatureId is unknown");
            }
            result = store.resultBySignatureId(account.id(), request.signatureId())
                    .orElseThrow(() -> new ServiceException("RESULT_NOT_FOUND", "No result for this signatureId yet"));
        } else {
            throw new ServiceException("PARAMETER_ERROR", "livenessId or signatureId is required");
        }
        Optional<Store.FarNearImages> stage = result.farNearImages();
        Optional<ReviewQueue.Review> review = reviews.review(account.id(), result.livenessId());
        answer(ctx, Envelope.ok(new OpenApi.ResultAnswer(result.livenessId(), result.score(), result.attackType().orElse(null),
                result.userId().orElse(null), result.sdkVersion(), result.platform(),
                image(result, ResultImages.Kind.BEST, resultType), image(result, ResultImages.Kind.AUDIT, resultType),
                stage.map(found -> images.link(result.livenessId(), ResultImages.Kind.FAR)).orElse(null),
                stage.map(Store.FarNearImages::farAtMs).orElse(null),
                stage.map(found -> images.link(result.livenessId(), ResultImages.Kind.NEAR)).orElse(null),
                stage.map(Store.FarNearImages::nearAtMs).orElse(null), result.lightCheck().orElse(null),
                review.map(found -> found.status().name()).orElse(null), review.flatMap(ReviewQueue.Review::reviewedAt).orElse(null),
                review.flatMap(ReviewQueue.Review::reason).orElse(null), review.flatMap(ReviewQueue.Review::reviewerId).orElse(null))));
    }

    /** The result's image as asked: a link, or base64; none when the result has none. */
    private String image(Store.StoredResult result, ResultImages.Kind kind, String resultType) {
        if (kind.of(result).isEmpty()) {
            return null;
        }
        return resultType.equals(OpenApi.ResultRequest.IMAGE_URL) ? images.link(result.livenessId(), kind)
                : Base64.getEncoder().encodeToString(images.decrypted(result, kind));
    }

    private void deleteResult(Context ctx) {
        Store.Account account = Authentication.account(ctx);
        String livenessId = required(body(ctx, OpenApi.DeleteRequest.class).livenessId(), "livenessId");
        if (!store.deleteResult(account.id(), livenessId)) {
            throw new ServiceException("LIVENESS_ID_NOT_EXISTED", "No result has this livenessId");
        }
        answer(ctx, Envelope.ok(new OpenApi.DeleteAnswer(livenessId, true)));
    }
}
