package org.livenesskiosk.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.Routes;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The results' best images: decrypted for the open API's answer, or behind a link that works for
 * {@link #LINK_LIFETIME_MS} only. The image is biometric data, so the link carries its own signed
 * expiry instead of the caller's token. Links start with the service's configured public URL,
 * never with what the request's {@code Host} header says.
 */
final class ResultImages {

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
        app.get(Routes.RESULT_IMAGE, this::image);
    }

    /** A signed link to the result's best image on this service, valid for five minutes. */
    String link(String livenessId) {
        long expiresAt = System.currentTimeMillis() + LINK_LIFETIME_MS;
        return publicUrl.get() + Routes.resultImage(livenessId) + "?expires=" + expiresAt
                + "&signature=" + signature(livenessId, expiresAt);
    }

    byte[] decrypted(Store.StoredResult result) {
        try {
            return store.decryptImage(result.encryptedImage().orElseThrow());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored image cannot be decrypted", e);
        }
    }

    private String signature(String livenessId, long expiresAt) {
        return HexFormat.of().formatHex(signer.sign((livenessId + ":" + expiresAt).getBytes(StandardCharsets.UTF_8)));
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
                && MessageDigest.isEqual(signature(livenessId, expiresAt).getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
        Optional<Store.StoredResult> result = valid ? store.resultByLivenessIdAnyAccount(livenessId)
                .filter(found -> store.accountById(found.accountId()).map(Store.Account::enabled).orElse(false)) : Optional.empty();
        if (result.isEmpty() || result.get().encryptedImage().isEmpty()) {
            JsonExchange.answer(ctx, Envelope.error("IMAGE_NOT_FOUND", "This image link is unknown or has expired"));
            ctx.status(404).attribute(LivenessServer.ENVELOPE_SENT, true);
            return;
        }
        ctx.contentType("image/jpeg").header("Cache-Control", "no-store").result(decrypted(result.get()));
    }
}
