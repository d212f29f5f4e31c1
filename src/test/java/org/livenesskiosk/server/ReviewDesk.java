package org.livenesskiosk.server;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.livenesskiosk.liveness.PassiveCues;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * What the review tests share: a second bank beside the test account, reviewers of each, stored
 * results of each verdict, and the review page's and the open API's calls over real HTTP.
 */
final class ReviewDesk {

    static final String OTHER_ACCESS_KEY = "other-access-key";
    static final String OTHER_SECRET_KEY = "other-secret-key";
    static final String PASSWORD = "correct horse battery";
    /** What {@link #documentedResult} observed: a blink and a mouth after the far/near stage, the light step, the texture unsure. */
    static final Store.Observed OBSERVED = new Store.Observed(List.of(new UploadRequest.Action("BLINK", 4_200),
            new UploadRequest.Action("MOUTH", 6_900)), 9_800, Optional.of(new Store.Span(7_400, 9_100)),
            Optional.of(new PassiveCues(OptionalDouble.of(0.41), 37, OptionalDouble.of(0.031), 5, OptionalDouble.empty())),
            Optional.of(Fingerprints.Replay.NONE));
    /** The far/near stage's ends in {@link #documentedResult}: before the actions. */
    static final long FAR_AT_MS = 1_300;
    static final long NEAR_AT_MS = 2_600;

    private static final Gson GSON = new Gson();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LivenessServer server;
    private final String url;

    ReviewDesk(LivenessServer server) {
        this.server = server;
        this.url = "http://127.0.0.1:" + server.port();
        Store store = server.store();
        if (store.accountByAccessKey(OTHER_ACCESS_KEY).isEmpty()) {
            store.createAccount("Other bank", "TEST", OTHER_ACCESS_KEY, OTHER_SECRET_KEY);
        }
    }

    String url() {
        return url;
    }

    Store.Account account(String accessKey) {
        return server.store().accountByAccessKey(accessKey).orElseThrow();
    }

    void reviewer(String accessKey, String name) {
        server.accounts().addReviewer(accessKey, name, PASSWORD);
    }

    /**
     * A result of the account as the service stores it after a check, with a best and an audit
     * image: score 40 is the verdict a person decides (the same customer again at the same kiosk,
     * {@code UNSURE_SAME_KIOSK_AGAIN}, see SessionCheck.Verdict), 90 verified.
     */
    String result(String accessKey, int score, String reason) throws IOException {
        return result(accessKey, score, reason, Optional.empty());
    }

    /** A manual check as the service stores one a kiosk sent with the document's portrait, and what it {@link #OBSERVED}. */
    String documentedResult(String accessKey) throws IOException {
        return result(accessKey, SessionCheck.UNCERTAIN_SCORE, "UNSURE_TEXTURE", Optional.of(OBSERVED));
    }

    private String result(String accessKey, int score, String reason, Optional<Store.Observed> observed) throws IOException {
        Store store = server.store();
        String livenessId = UUID.randomUUID().toString().replace("-", "");
        byte[] face = jpeg();
        Optional<byte[]> kept = observed.map(found -> store.encrypt(face));
        store.saveResult(new Store.StoredResult(livenessId, account(accessKey).id(), "s-" + livenessId, Optional.empty(), Optional.empty(),
                score, Optional.empty(), Optional.ofNullable(reason), "0.9.3", "kiosk", Optional.of(store.encrypt(face)),
                Optional.of(store.encrypt(face)), kept.map(far -> new Store.FarNearImages(far, FAR_AT_MS, far, NEAR_AT_MS)),
                Optional.empty(), kept, observed), new Fingerprints(), "kiosk-1", System.currentTimeMillis());
        return livenessId;
    }

    /** A signed-in reviewer's browser, as far as the tests need one: its cookie and CSRF token. */
    record Browser(String cookie, String csrf, HttpResponse<String> signIn) {
    }

    Browser signIn(String name, String password) throws Exception {
        HttpResponse<String> answer = send("POST", ReviewPage.SIGN_IN, GSON.toJson(new ReviewPage.SignInRequest(name, password)), null,
                null);
        JsonObject envelope = GSON.fromJson(answer.body(), JsonObject.class);
        if (!envelope.get("code").getAsString().equals("SUCCESS")) {
            return new Browser(null, null, answer);
        }
        String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new Browser(cookie, envelope.getAsJsonObject("data").get("csrfToken").getAsString(), answer);
    }

    /** The envelope of a call of the review page's API. */
    JsonObject call(Browser browser, String method, String path, Object body) throws Exception {
        return GSON.fromJson(send(method, path, body == null ? null : GSON.toJson(body), browser.cookie(), browser.csrf()).body(),
                JsonObject.class);
    }

    HttpResponse<String> send(String method, String path, String body, String cookie, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header(ReviewPage.CSRF_HEADER, csrf);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String session(String livenessId) {
        return ReviewPage.SESSION.replace("{livenessId}", livenessId);
    }

    static String decision(String livenessId) {
        return ReviewPage.DECISION.replace("{livenessId}", livenessId);
    }

    /** The open API's {@code detection-result} for the account, as its back end reads it. */
    JsonObject detectionResult(String accessKey, String secretKey, String livenessId) throws Exception {
        String token = new LivenessClient(url, Duration.ofSeconds(10)).generateToken(accessKey, secretKey);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + Routes.DETECTION_RESULT))
                .header(Headers.ACCESS_TOKEN, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"livenessId\":\"" + livenessId + "\",\"resultType\":\"IMAGE_URL\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return GSON.fromJson(answer.body(), JsonObject.class);
    }

    /** A small picture standing for a face: the review shows what was stored, whatever it shows. */
    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xc8, 0x9f, 0x80));
        graphics.fillOval(20, 10, 80, 100);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
