package org.livenesskiosk.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.Routes;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The results' images (the best one, and the far/near stage's two): decrypted for the open API's
 * answer, or behind a link that works for {@link #LINK_LIFETIME_MS} only. The image is biometric
 * data, so the link carries its own signed expiry (and which image it opens) instead of the
 * caller's token. Links start with the service's configured public URL, never with what the
 * request's {@code Host} header says.
 */
final class ResultImages {

    private static final long LINK_LIFETIME_MS = 300_000;

    /** Which of a result's images a link opens: the best one, or the far/near stage's ({@code ?image=far|near}). */
    enum Kind {
        BEST,
        FAR,
        NEAR;

        String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Kind> of(String parameter) {
            return Arrays.stream(values()).filter(kind -> kind.parameter().equals(parameter)).findFirst();
        }

        Optional<byte[]> encrypted(Store.StoredResult result) {
            return switch (this) {
                case BEST -> result.encryptedImage();
                case FAR -> result.farNearImages().map(Store.FarNearImages::encryptedFar);
                case NEAR -> result.farNearImages().map(Store.FarNearImages::encryptedNear);
            };
        }
    }

    private final Store store;
    private final Licenses signer;
    private final Supplier<String> publicUrl;

    ResultImages(Store store, Licenses signer, Supplier<String> publicUrl) {
        this.store = store;
        this.signer = signer;
        this.publicUrl = publicUrl;
    }

    void register(Javalin app) {
        app.get(Routes.RESULT_IMAGE, this::image);
    }

    /** A signed link to the result's best image on this service, valid for five minutes. */
    String link(String livenessId) {
        return link(livenessId, Kind.BEST);
    }

    /** A signed link to one of the result's images, valid for five minutes. */
    String link(String livenessId, Kind kind) {
        long expiresAt = System.currentTimeMillis() + LINK_LIFETIME_MS;
        return publicUrl.get() + Routes.resultImage(livenessId) + "?expires=" + expiresAt
                + (kind == Kind.BEST ? "" : "&image=" + kind.parameter()) + "&signature=" + signature(livenessId, kind, expiresAt);
    }

    byte[] decrypted(Store.StoredResult result) {
        return decrypted(result.encryptedImage().orElseThrow());
    }

    private byte[] decrypted(byte[] encrypted) {
        try {
            return store.decryptImage(encrypted);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored image cannot be decrypted", e);
        }
    }

    /** Signs the image's id, which image, and the expiry: a link to the best image opens no other. */
    private String signature(String livenessId, Kind kind, long expiresAt) {
        String signed = kind == Kind.BEST ? livenessId + ":" + expiresAt : livenessId + ":" + kind.parameter() + ":" + expiresAt;
        return HexFormat.of().formatHex(signer.sign(signed.getBytes(StandardCharsets.UTF_8)));
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
        Optional<Kind> kind = ctx.queryParam("image") == null ? Optional.of(Kind.BEST) : Kind.of(ctx.queryParam("image"));
        boolean valid = expiresAt > System.currentTimeMillis() && kind.isPresent()
                && MessageDigest.isEqual(signature(livenessId, kind.get(), expiresAt).getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
        Optional<Store.StoredResult> result = valid ? store.resultByLivenessIdAnyAccount(livenessId)
                .filter(found -> store.accountById(found.accountId()).map(Store.Account::enabled).orElse(false)) : Optional.empty();
        Optional<byte[]> encrypted = result.flatMap(found -> kind.orElseThrow().encrypted(found));
        if (encrypted.isEmpty()) {
            JsonExchange.answer(ctx, Envelope.error("IMAGE_NOT_FOUND", "This image link is unknown or has expired"));
            ctx.status(404).attribute(LivenessServer.ENVELOPE_SENT, true);
            return;
        }
        ctx.contentType("image/jpeg").header("Cache-Control", "no-store").result(decrypted(encrypted.get()));
    }
}
