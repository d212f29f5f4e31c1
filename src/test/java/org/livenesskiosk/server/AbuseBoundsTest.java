package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
import org.livenesskiosk.testdata.CraftedJpegs;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.testdata.SharedData;
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
        server = RecordedSessions.askingForTheMouth(TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath()))
                .start("127.0.0.1", 0));
        kiosk = EnrolledKiosk.client(server, data.resolve("kiosk"));
        token = kiosk.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        ticket = kiosk.authorize(kiosk.authLicense(token, 600, TestAccount.APPLICATION_ID), TestAccount.MARKET,
                TestAccount.APPLICATION_ID, "0.1.0").ticket();
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
        byte[] body = GSON.toJson(Map.of("license", kiosk.authLicense(token, 600, TestAccount.APPLICATION_ID), "market",
                TestAccount.MARKET, "applicationId", TestAccount.APPLICATION_ID, "version", "0.1.0"))
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
    void bodiesThatWouldBuildMillionsOfObjectsAreRefusedBeforeTheyAreParsed() throws Exception {
        String manyValues = "{\"accessKey\":[" + "1,".repeat(20_000) + "1]}";
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        String wide = IntStream.range(0, 100).mapToObj(i -> "\"k" + i + "\":1").collect(Collectors.joining(",", "{", "}"));
        for (String body : List.of(manyValues, deep, wide)) {
            JsonObject refused = envelope(new Request.Builder().url(url(Routes.GENERATE_TOKEN)).post(RequestBody.create(body, JSON)));
            assertEquals("PARAMETER_ERROR", refused.get("code").getAsString(), refused.toString());
            assertTrue(refused.get("message").getAsString().matches(".*(more than|deeper than).*"), refused.toString());
        }
        assertNothingLoggedAsAnError();
    }

    @Test
    void whatJettyRefusesItselfIsTheEnvelopeWithoutItsWords() throws Exception {
        Map<String, String> requests = Map.of(
                "431", "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 << 10) + "\r\n\r\n",
                "400", "GET /openapi/%00/x HTTP/1.1\r\nHost: x\r\n\r\n",
                "414", "GET /" + "a".repeat(70 << 10) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "505", "GET / HTTP/3.0\r\nHost: x\r\n\r\n",
                "400 header", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
        for (Map.Entry<String, String> request : requests.entrySet()) {
            String answer = raw(request.getValue());
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertTrue(body.startsWith("{\"code\":\""), request.getKey() + ": " + answer);
            assertFalse(answer.matches("(?s).*(Exception|org\\.eclipse|<html|jetty|Jetty).*"), request.getKey() + ": " + answer);
        }
    }

    /** One request written as it is on a socket, and the answer as it came, up to its end or the connection's. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
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
                "{\"accessKey\":", "\"text\"", "{} {}",
                // A fraction where a whole number belongs is not rounded into one.
                "{\"accessKey\":\"" + TestAccount.ACCESS_KEY + "\",\"timestamp\":" + System.currentTimeMillis() + ".5,\"signature\":\"x\"}")) {
            JsonObject refused = envelope(new Request.Builder().url(url(Routes.GENERATE_TOKEN)).post(RequestBody.create(body, JSON)));
            assertEquals("PARAMETER_ERROR", refused.get("code").getAsString(), body);
            assertFalse(refused.toString().matches(".*(Exception|java\\.|com\\.google|Expected).*"), "the parser's own words: " + refused);
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
        byte[] authorize = GSON.toJson(Map.of("license", license, "market", TestAccount.MARKET, "applicationId",
                TestAccount.APPLICATION_ID, "version", "0.1.0")).getBytes(StandardCharsets.UTF_8);
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
        try (LivenessServer behindAProxy = TestAccount.in(LivenessServer.open(data.resolve("proxied"), Models.fromClasspath()))
                .publicUrl("https://liveness.bank.example/service/").start("127.0.0.1", 0)) {
            String livenessId = storedResultWithImage(behindAProxy.store());
            LivenessClient client = new LivenessClient("http://127.0.0.1:" + behindAProxy.port(), Duration.ofSeconds(10));
            String proxyToken = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);

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
    void framesDeclaringGigapixelsAreNeverDecoded() throws Exception {
        // A few hundred bytes each, declaring 20,000 pixels a side: decoded, 1.2 GB and seconds each.
        assertCheckedWithoutDecoding(CraftedJpegs.declaring(20_000, 20_000));
    }

    @Test
    void framesOfThousandsOfScansAreNeverDecoded() throws Exception {
        // 250 KB each, the most a frame may be, progressive with 20,000 scans: decoded, 7 s each at 480x360.
        assertCheckedWithoutDecoding(CraftedJpegs.progressiveFilledWithScans(480, 360, 250_000));
    }

    /**
     * An upload of 40 such frames is answered within seconds, unverified, and logs no error. Its best
     * image is a real face, so that the check goes on to the frames (an image without one ends it).
     */
    private void assertCheckedWithoutDecoding(byte[] frame) throws Exception {
        String jpeg = Base64.getEncoder().encodeToString(frame);
        String face = Base64.getEncoder().encodeToString(Files.readAllBytes(SharedData.image("aflw2000_image00050.jpg")));
        List<Long> times = IntStream.range(0, 40).mapToObj(index -> index * 40L).toList();
        String challengeId = kiosk.challenge(ticket, new KioskApi.ChallengeRequest(40, 80)).challengeId();
        UploadRequest upload = new UploadRequest(UUID.randomUUID().toString(), challengeId, null, null, "0.1.0", "kiosk",
                List.of(new UploadRequest.Action("MOUTH", 900)), new UploadRequest.Recording(times, Collections.nCopies(40, jpeg)), face);

        long start = System.nanoTime();
        LivenessClient.Result result = kiosk.result(token, "livenessId", kiosk.upload(ticket, upload).livenessId());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertTrue(result.livenessScore() < 50, "score " + result.livenessScore());
        assertTrue(seconds < 10, "answered after " + seconds + " s: the frames were decoded");
        assertNothingLoggedAsAnError();
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
        Store.Account demo = store.accountByAccessKey(TestAccount.ACCESS_KEY).orElseThrow();
        String livenessId = UUID.randomUUID().toString().replace("-", "");
        store.saveResult(new Store.StoredResult(livenessId, demo.id(), "s-" + livenessId, Optional.empty(),
                Optional.empty(), 80, Optional.empty(), Optional.empty(), "0.1.0", "kiosk",
                Optional.of(store.encrypt(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})), Optional.empty(), Optional.empty(),
                Optional.empty()),
                new Fingerprints(), "kiosk-1", System.currentTimeMillis());
        return livenessId;
    }
}
