package org.livenesskiosk.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.Routes;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The results' images — the best image, the audit image and the far/near stage's two, and the document's portrait the
 * kiosk captured — decrypted for the open API's answer,
 * or behind a link that works for {@link #LINK_LIFETIME_MS} only. An image is biometric data, so
 * the link carries its own signed expiry, for that one image of that one result, instead of the
 * caller's token. Links start with the service's configured public URL, never with what the
 * request's {@code Host} header says.
 */
final class ResultImages {

    /** Which of a result's images, and the route of its signed link; the document's portrait has none. */
    enum Kind {
        BEST(Optional.of(Routes.RESULT_IMAGE), Store.StoredResult::encryptedImage),
        AUDIT(Optional.of(Routes.AUDIT_IMAGE), Store.StoredResult::encryptedAuditImage),
        FAR(Optional.of(Routes.FAR_IMAGE), result -> result.farNearImages().map(Store.FarNearImages::encryptedFar)),
        NEAR(Optional.of(Routes.NEAR_IMAGE), result -> result.farNearImages().map(Store.FarNearImages::encryptedNear)),
        DOCUMENT(Optional.empty(), Store.StoredResult::encryptedDocumentImage);

        private final Optional<String> route;
        private final Function<Store.StoredResult, Optional<byte[]>> encrypted;

        Kind(Optional<String> route, Function<Store.StoredResult, Optional<byte[]>> encrypted) {
            this.route = route;
            this.encrypted = encrypted;
        }

        Optional<byte[]> of(Store.StoredResult result) {
            return encrypted.apply(result);
        }
    }

    private static final long LINK_LIFETIME_MS = 300_000;

    private final Store store;
    private final Licenses signer;
    private final Supplier<String> publicUrl;

    ResultImages(Store store, Licenses signer, Supplier<String> publicUrl) {
        this.store = store;
        this.signer = signer;
        this.publicUrl = publicUrl;
    }

    void register(Javalin app) {
        for (Kind kind : Kind.values()) {
            kind.route.ifPresent(route -> app.get(route, ctx -> image(ctx, kind)));
        }
    }

    /** A signed link to this image of the result on this service, valid for five minutes. */
    String link(String livenessId, Kind kind) {
        long expiresAt = System.currentTimeMillis() + LINK_LIFETIME_MS;
        return publicUrl.get() + Routes.image(kind.route.orElseThrow(), livenessId) + "?expires=" + expiresAt
                + "&signature=" + signature(livenessId, kind, expiresAt);
    }

    /** This image of the result, decrypted; the result has it. */
    byte[] decrypted(Store.StoredResult result, Kind kind) {
        return decrypted(kind.of(result).orElseThrow());
    }

    /**
     * The portrait on the customer's document as the kiosk captured it, decrypted; empty when the session came without
     * one, or the retention deleted it. Never behind a link: only the face comparison and the account's reviewers read it.
     */
    Optional<byte[]> documentPortrait(Store.StoredResult result) {
        return Kind.DOCUMENT.of(result).map(this::decrypted);
    }

    private byte[] decrypted(byte[] encrypted) {
        try {
            return store.decryptImage(encrypted);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored image cannot be decrypted", e);
        }
    }

    private String signature(String livenessId, Kind kind, long expiresAt) {
        return HexFormat.of().formatHex(signer.sign((kind + ":" + livenessId + ":" + expiresAt).getBytes(StandardCharsets.UTF_8)));
    }

    private void image(Context ctx, Kind kind) {
        String livenessId = ctx.pathParam("livenessId");
        long expiresAt;
        try {
            expiresAt = Long.parseLong(Optional.ofNullable(ctx.queryParam("expires")).orElse("0"));
        } catch (NumberFormatException e) {
            expiresAt = 0;
        }
        String signature = Optional.ofNullable(ctx.queryParam("signature")).orElse("");
        boolean valid = expiresAt > System.currentTimeMillis()
                && MessageDigest.isEqual(signature(livenessId, kind, expiresAt).getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
        Optional<Store.StoredResult> result = valid ? store.resultByLivenessIdAnyAccount(livenessId)
                .filter(found -> store.accountById(found.accountId()).map(Store.Account::enabled).orElse(false)) : Optional.empty();
        if (result.isEmpty() || kind.of(result.get()).isEmpty()) {
            JsonExchange.answer(ctx, Envelope.error("IMAGE_NOT_FOUND", "This image link is unknown or has expired"));
            ctx.status(404).attribute(LivenessServer.ENVELOPE_SENT, true);
            return;
        }
        // A kiosk's bytes, opened in a bank's browser: taken as a JPEG only, never as a page that runs anything.
        ctx.contentType("image/jpeg").header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox").result(decrypted(result.get(), kind));
    }
}
