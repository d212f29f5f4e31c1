package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.OpenApi;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.testdata.SignedRequest;
import org.livenesskiosk.vision.Models;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * What a caller sends that the service must bound, over real HTTP on 127.0.0.1: every refusal is
 * the JSON envelope with its code, never Jetty's page or a stack trace in the log; over-long fields
 * are refused; image links never come from the Host header; the service's files are its owner's.
 */
class AbuseBoundsTest {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Gson GSON = new Gson();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    @TempDir
    static Path data;

    private static LivenessServer server;
    private static LivenessClient kiosk;
    private static String token;
    private static String ticket;
    private ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() throws Exception {
        server = RecordedSessions.askingForTheMouth(LivenessServer.open(data.resolve("service"), Models.fromClasspath())
                .start("127.0.0.1", 0));
        kiosk = EnrolledKiosk.client(server, data.resolve("kiosk"));
        token = kiosk.generateToken(LivenessServer.DEMO_ACCESS_KEY, LivenessServer.DEMO_SECRET_KEY);
        ticket = kiosk.authorize(kiosk.authLicense(token, 600, LivenessServer.DEMO_APPLICATION_ID), LivenessServer.DEMO_MARKET,
                LivenessServer.DEMO_APPLICATION_ID, "0.1.0").ticket();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void captureTheLog() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        log = new ListAppender<>();
        log.setContext(context);
        log.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(log);
    }

    /** A caller's mistake is answered, not logged as the service's failure. */
    private void assertNothingLoggedAsAnError() {
        List<String> errors = log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
        assertEquals(List.of(), errors);
        assertTrue(log.list.stream().noneMatch(event -> event.getThrowableProxy() != null && event.getLevel().isGreaterOrEqual(Level.WARN)),
                "a stack trace was logged for a caller's mistake");
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static JsonObject envelope(Request.Builder request) throws IOException {
        try (Response response = HTTP.newCall(request.build()).execute()) {
            String body = response.body().string();
            assertEquals(200, response.code(), body);
            assertTrue(response.header("Content-Type", "").startsWith("application/json"), response.header("Content-Type"));
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private static Request.Builder signedUpload(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Request.Builder request = new Request.Builder().url(url(Routes.KIOSK_UPLOAD)).header(Headers.KIOSK_TICKET, ticket)
                .post(RequestBody.create(body, JSON));
        SignedRequest.headers(DeviceIdentity.in(data.resolve("kiosk")), kiosk.deviceId().orElseThrow(), "POST", Routes.KIOSK_UPLOAD, body)
                .forEach(request::header);
        return request;
    }

    private static UploadRequest uploadWith(String challengeId, String userId, String sdkVersion, String platform) {
        String jpeg = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 0, 0});
        return new UploadRequest(UUID.randomUUID().toString(), challengeId, null, userId, sdkVersion, platform,
                List.of(new UploadRequest.Action("BLINK", 900)), new UploadRequest.Recording(List.of(0L), List.of(jpeg)), jpeg);
    }

    @Test
    void aBodyOverTheCapGetsTheEnvelopeNotJettysPage() throws Exception {
        byte[] huge = new byte[25 << 20];
        Arrays.fill(huge, (byte) 'a');

        JsonObject kioskRoute = envelope(new Request.Builder().url(url(Routes.KIOSK_UPLOAD)).post(RequestBody.create(huge, JSON)));
        JsonObject openRoute = envelope(new Request.Builder().url(url(Routes.GENERATE_TOKEN)).post(RequestBody.create(huge, JSON)));

        // Sent in chunks, without a Content-Length to refuse it by.
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(huge);
            }
        };
        JsonObject chunkedRoute = envelope(new Request.Builder().url(url(Routes.GENERATE_TOKEN)).post(chunked));

        assertEquals("PAYLOAD_TOO_LARGE", kioskRoute.get("code").getAsString());
        assertEquals("PAYLOAD_TOO_LARGE", openRoute.get("code").getAsString());
        assertEquals("PAYLOAD_TOO_LARGE", chunkedRoute.get("code").getAsString());
        assertNothingLoggedAsAnError();
    }

    @Test
    void aSmallSignedRequestSentInChunksIsTakenAsSent() throws Exception {
        byte[] body = GSON.toJson(Map.of("license", kiosk.authLicense(token, 600, LivenessServer.DEMO_APPLICATION_ID), "market",
                LivenessServer.DEMO_MARKET, "applicationId", LivenessServer.DEMO_APPLICATION_ID, "version", "0.1.0"))
                .getBytes(StandardCharsets.UTF_8);
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(body);
            }
        };
        Request.Builder request = new Request.Builder().url(url(Routes.KIOSK_AUTHORIZE)).post(chunked);
        SignedRequest.headers(DeviceIdentity.in(data.resolve("kiosk")), kiosk.deviceId().orElseThrow(), "POST", Routes.KIOSK_AUTHORIZE,
                body).forEach(request::header);

        JsonObject answer = envelope(request);

        assertEquals("SUCCESS", answer.get("code").getAsString(), answer.toString());
    }

    @Test
    void unknownPathsAndMethodsGetTheEnvelope() throws Exception {
        assertEquals("NOT_FOUND", envelope(new Request.Builder().url(url("/openapi/nothing/here"))
                .post(RequestBody.create("{}", JSON))).get("code").getAsString());
        assertEquals("NOT_FOUND", envelope(new Request.Builder().url(url("/")).get()).get("code").getAsString());
        JsonObject wrongMethod = envelope(new Request.Builder().url(url(Routes.GENERATE_TOKEN)).get());
        assertTrue(List.of("NOT_FOUND", "METHOD_NOT_ALLOWED").contains(wrongMethod.get("code").getAsString()), wrongMethod.toString());
        assertNothingLoggedAsAnError();
    }

    @Test
    void wrongJsonTypesAreParameterErrorsNotFailures() throws Exception {
        for (String body : List.of("{\"accessKey\":{\"a\":1},\"timestamp\":1,\"signature\":\"x\"}", "{\"timestamp\":\"soon\"}", "[1,2]",
                "{\"accessKey\":", "\"text\"")) {
            JsonObject refused = envelope(new Request.Builder().url(url(Routes.GENERATE_TOKEN)).post(RequestBody.create(body, JSON)));
            assertEquals("PARAMETER_ERROR", refused.get("code").getAsString(), body);
        }
        for (String body : List.of("{\"sessionId\":\"s-1\",\"actions\":\"BLINK\"}", "{\"sessionId\":\"s-2\",\"actions\":[null]}",
                "{\"sessionId\":\"s-3\",\"images\":{\"best\":null}}", "{\"sessionId\":\"s-4\",\"traces\":[{\"samples\":[[1,\"x\"]]}]}",
                "{\"sessionId\":\"s-5\",\"images\":[\"best\"]}")) {
            assertEquals("PARAMETER_ERROR", envelope(signedUpload(body)).get("code").getAsString(), body);
        }
        assertNothingLoggedAsAnError();
    }

    @Test
    void overLongFieldsAreRefused() throws Exception {
        String megabyte = "u".repeat(1 << 20);
        for (UploadRequest upload : List.of(uploadWith("c", megabyte, "0.1.0", "kiosk"), uploadWith("c", "c-1", "v".repeat(41), "kiosk"),
                uploadWith("c", "c-1", "0.1.0", "p".repeat(41)), uploadWith("c", "c".repeat(201), "0.1.0", "kiosk"))) {
            JsonObject refused = envelope(signedUpload(GSON.toJson(upload)));
            assertEquals("PARAMETER_ERROR", refused.get("code").getAsString(), refused.toString());
        }
        String license = "l".repeat(5_000);
        byte[] authorize = GSON.toJson(Map.of("license", license, "market", LivenessServer.DEMO_MARKET, "applicationId",
                LivenessServer.DEMO_APPLICATION_ID, "version", "0.1.0")).getBytes(StandardCharsets.UTF_8);
        Request.Builder signedAuthorize = new Request.Builder().url(url(Routes.KIOSK_AUTHORIZE)).post(RequestBody.create(authorize, JSON));
        SignedRequest.headers(DeviceIdentity.in(data.resolve("kiosk")), kiosk.deviceId().orElseThrow(), "POST", Routes.KIOSK_AUTHORIZE,
                authorize).forEach(signedAuthorize::header);
        JsonObject longLicense = envelope(signedAuthorize);
        assertEquals("PARAMETER_ERROR", longLicense.get("code").getAsString(), longLicense.toString());
        JsonObject result = envelope(new Request.Builder().url(url(Routes.DETECTION_RESULT)).header(Headers.ACCESS_TOKEN, token)
                .post(RequestBody.create(GSON.toJson(Map.of("signatureId", "s".repeat(65))), JSON)));
        assertEquals("PARAMETER_ERROR", result.get("code").getAsString(), result.toString());
        assertTrue(result.get("message").getAsString().contains("signatureId"), result.toString());
        JsonObject token = envelope(new Request.Builder().url(url(Routes.GENERATE_TOKEN)).post(RequestBody.create(GSON.toJson(Map.of(
                "accessKey", license, "timestamp", System.currentTimeMillis(), "signature", "x")), JSON)));
        assertEquals("PARAMETER_ERROR", token.get("code").getAsString(), token.toString());
        assertNothingLoggedAsAnError();
    }

    @Test
    void imageLinksNeverComeFromTheHostHeader() throws Exception {
        String livenessId = storedResultWithImage(server.store());

        JsonObject answer = envelope(new Request.Builder().url(url(Routes.DETECTION_RESULT)).header(Headers.ACCESS_TOKEN, token)
                .header("Host", "evil.example:666").post(RequestBody.create(GSON.toJson(Map.of("livenessId", livenessId,
                        "resultType", OpenApi.ResultRequest.IMAGE_URL)), JSON)));

        String link = answer.getAsJsonObject("data").get("detectionResult").getAsString();
        assertTrue(link.startsWith("http://127.0.0.1:" + server.port() + "/"), link);
    }

    @Test
    void imageLinksStartWithTheConfiguredPublicUrl() throws Exception {
        try (LivenessServer behindAProxy = LivenessServer.open(data.resolve("proxied"), Models.fromClasspath())
                .publicUrl("https://liveness.bank.example/service/").start("127.0.0.1", 0)) {
            String livenessId = storedResultWithImage(behindAProxy.store());
            LivenessClient client = new LivenessClient("http://127.0.0.1:" + behindAProxy.port(), Duration.ofSeconds(10));
            String proxyToken = client.generateToken(LivenessServer.DEMO_ACCESS_KEY, LivenessServer.DEMO_SECRET_KEY);

            String link = client.result(proxyToken, "livenessId", livenessId, OpenApi.ResultRequest.IMAGE_URL).detectionResult();

            assertTrue(link.startsWith("https://liveness.bank.example/service" + Routes.image(Routes.RESULT_IMAGE, livenessId) + "?"), link);
        }
    }

    @Test
    void aForgedImageLinkIsTheEnvelopeToo() throws Exception {
        try (Response response = HTTP.newCall(new Request.Builder().url(url(Routes.image(Routes.RESULT_IMAGE, "nope") + "?expires=1&signature=x")).get()
                .build()).execute()) {
            assertEquals(404, response.code());
            assertEquals("IMAGE_NOT_FOUND", JsonParser.parseString(response.body().string()).getAsJsonObject().get("code").getAsString());
        }
    }

    @Test
    void theServicesFilesAreItsOwnersOnly() throws Exception {
        kiosk.upload(ticket, uploadWith(kiosk.challenge(ticket, new KioskApi.ChallengeRequest(40, 80)).challengeId(), "c-1", "0.1.0",
                "kiosk"));
        Path folder = data.resolve("service");

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        // SQLite removes the -wal and -shm files with its last connection: one held open here keeps them to be seen.
        try (Connection open = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("liveness.db"));
             Statement statement = open.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("UPDATE device SET last_seen = last_seen");
            for (String name : List.of("liveness.db", "liveness.db-wal", "liveness.db-shm", "service.key")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(name))), name);
            }
            statement.execute("ROLLBACK");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("kiosk")
                .resolve(DeviceIdentity.KEY_FILE))));
    }

    /** A result with a best image, stored as an upload would. */
    private static String storedResultWithImage(Store store) {
        Store.Account demo = store.accountByAccessKey(LivenessServer.DEMO_ACCESS_KEY).orElseThrow();
        String livenessId = UUID.randomUUID().toString().replace("-", "");
        store.saveResult(new Store.StoredResult(livenessId, demo.id(), "s-" + livenessId, Optional.empty(),
                Optional.empty(), 80, Optional.empty(), Optional.empty(), "0.1.0", "kiosk",
                Optional.of(store.encrypt(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})), Optional.empty(), Optional.empty()),
                new Fingerprints(), System.currentTimeMillis());
        return livenessId;
    }
}
