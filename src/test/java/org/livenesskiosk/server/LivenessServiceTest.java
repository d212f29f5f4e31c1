package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;

/** The whole path over real sockets against the real service: token, license, authorization, challenge, upload, result. */
class LivenessServiceTest {

    /** What the clip shows: an open mouth. */
    static final ChallengeSettings MOUTH_ONLY = new ChallengeSettings(List.of("MOUTH"), false, 10_000, 10_000, "NORMAL", 600, false,
            50_000);

    /** A service of its own for each test: every test's genuine session is then the first of its pictures. */
    @TempDir
    Path data;

    private MouthDesk desk;
    private LivenessServer server;
    private LivenessClient client;
    private String token;
    private String ticket;

    @BeforeEach
    void start() throws Exception {
        desk = MouthDesk.open(data);
        server = desk.server();
        client = desk.client();
        token = desk.token();
        ticket = desk.ticket();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    private String license(long seconds) throws ServiceCallException {
        return client.authLicense(token, seconds, TestAccount.APPLICATION_ID);
    }

    /** A genuine session, under a fresh challenge. */
    private UploadRequest genuine(String signatureId) throws Exception {
        return RecordedSessions.upload(RecordedSessions.mouthSession(), desk.challenge(), signatureId, "customer-42");
    }

    @Test
    void aSessionGoesFromChallengeToScoredResult() throws Exception {
        KioskApi.UploadAnswer answer = client.upload(ticket, genuine(null));
        LivenessClient.Result result = client.result(token, "livenessId", answer.livenessId());

        assertEquals(KioskApi.Verdict.VERIFIED, answer.verdict());
        assertEquals(answer.livenessId(), result.livenessId());
        assertTrue(result.livenessScore() >= 50, "score " + result.livenessScore());
        assertNull(result.attackType());
        assertNotNull(result.detectionResult());
    }

    @Test
    void theBestImageComesAsAShortLivedLinkWhenAsked() throws Exception {
        String livenessId = client.upload(ticket, genuine(null)).livenessId();
        String link = client.result(token, "livenessId", livenessId, "IMAGE_URL").detectionResult();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", image.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("default-src 'none'; sandbox", image.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals((byte) 0xff, image.body()[0]);

        String forged = link.replaceAll("expires=\\d+", "expires=" + (System.currentTimeMillis() + 86_400_000L));
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(forged)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
    }

    @Test
    void theSameSessionUploadedTwiceHasOneLivenessId() throws Exception {
        UploadRequest evidence = genuine(null);

        assertEquals(client.upload(ticket, evidence), client.upload(ticket, evidence));
    }

    @Test
    void aResultIsFoundBySignatureIdAndTheSignatureIdServesOnce() throws Exception {
        String signatureId = client.generateSignatureId(token);
        assertEquals("RESULT_NOT_FOUND", assertThrows(ServiceCallException.class,
                () -> client.result(token, "signatureId", signatureId)).serviceCode());

        String livenessId = client.upload(ticket, genuine(signatureId)).livenessId();

        assertEquals(livenessId, client.result(token, "signatureId", signatureId).livenessId());
        UploadRequest another = genuine(signatureId);
        ServiceCallException reused = assertThrows(ServiceCallException.class, () -> client.upload(ticket, another));
        assertEquals("PARAMETER_ERROR", reused.serviceCode());
        assertEquals(LivenessError.AUTH_PARAMETER_ERROR, reused.error(), "its public code, never UNDEFINED");
    }

    @Test
    void aBestImageThatIsNoJpegIsRefused() throws Exception {
        UploadRequest genuine = genuine(null);
        UploadRequest pretending = new UploadRequest(genuine.sessionId(), genuine.challengeId(), null, null, "0.1.0", "kiosk",
                genuine.actions(), genuine.recording(),
                Base64.getEncoder().encodeToString("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        ServiceCallException refused = assertThrows(ServiceCallException.class, () -> client.upload(ticket, pretending));

        assertEquals("PARAMETER_ERROR", refused.serviceCode());
        assertTrue(refused.getMessage().contains("bestImage"), refused.getMessage());
    }

    @Test
    void anUnknownLivenessIdIsSaidSo() {
        ServiceCallException unknown = assertThrows(ServiceCallException.class, () -> client.result(token, "livenessId", "nope"));
        assertEquals(LivenessError.UNDEFINED, unknown.error());
        assertEquals("LIVENESS_ID_NOT_EXISTED", unknown.serviceCode());
    }

    @Test
    void theWrongMarketIsAuthParameterError() throws Exception {
        String license = license(600);
        assertEquals(LivenessError.AUTH_PARAMETER_ERROR, assertThrows(ServiceCallException.class,
                () -> client.authorize(license, "ID", TestAccount.APPLICATION_ID, "0.1.0")).error());
    }

    @Test
    void aForgedLicenseIsAuthParameterError() throws Exception {
        String license = license(600);
        String forged = license.substring(0, license.indexOf('.') - 2) + "xx" + license.substring(license.indexOf('.'));
        assertEquals(LivenessError.AUTH_PARAMETER_ERROR, assertThrows(ServiceCallException.class,
                () -> client.authorize(forged, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")).error());
    }

    @Test
    void anUnregisteredApplicationIdIsAuthIamFailed() throws Exception {
        String license = client.authLicense(token, 600, "com.example.other");
        assertEquals(LivenessError.AUTH_IAM_FAILED, assertThrows(ServiceCallException.class,
                () -> client.authorize(license, TestAccount.MARKET, "com.example.other", "0.1.0")).error());
    }

    @Test
    void anExpiredLicenseIsAuthTicketDisable() throws Exception {
        String license = license(1);
        Thread.sleep(1_100);
        assertEquals(LivenessError.AUTH_TICKET_DISABLE, assertThrows(ServiceCallException.class,
                () -> client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")).error());
    }

    @Test
    void aDisabledAccountIsAuthAccountAccessDenied() throws Exception {
        Store.Account account = server.store().createAccount("Closed bank", "ID", "closed-key", "closed-secret");
        server.store().addApplication(account.id(), "org.closed.kiosk");
        String closedToken = client.generateToken("closed-key", "closed-secret");
        String license = client.authLicense(closedToken, 600, "org.closed.kiosk");
        LivenessClient closedKiosk = EnrolledKiosk.client(server, data.resolve("closed-kiosk"), "closed-key");
        server.store().setEnabled(account.id(), false);

        assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, assertThrows(ServiceCallException.class,
                () -> closedKiosk.authorize(license, "ID", "org.closed.kiosk", "0.1.0")).error());
    }

    @Test
    void aWrongSecretGetsNoToken() {
        ServiceCallException refused = assertThrows(ServiceCallException.class,
                () -> client.generateToken(TestAccount.ACCESS_KEY, "guessed"));
        assertEquals("IAM_FAILED", refused.serviceCode());
    }

    @Test
    void secretsAndImagesAreNotStoredInTheClear() throws Exception {
        client.upload(ticket, genuine(null));
        StringBuilder stored = new StringBuilder();
        try (var files = Files.list(data)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("liveness.db")).toList()) {
                stored.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(stored.length() > 0);

        assertTrue(stored.indexOf(TestAccount.SECRET_KEY) < 0 && stored.indexOf(token) < 0, "a secret is stored in the clear");
        // A JPEG starts with FF D8 FF E0; none is stored unencrypted.
        assertTrue(stored.indexOf("\u00ff\u00d8\u00ff\u00e0") < 0, "an image is stored in the clear");
    }
}
