package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.TokenSignature;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.testdata.SignedRequest;
import org.livenesskiosk.vision.Models;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A reviewer attacks the kiosk's identity over real HTTP on 127.0.0.1: enrolment codes, request
 * signatures, replays, tickets and lock-outs of other kiosks, revoked kiosks and disabled accounts.
 * Each test fails when its defence is taken away.
 */
class DeviceIdentityAttackTest {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Gson GSON = new Gson();
    /** Starts as a JPEG does; decodes to no face, so an upload of it scores 0 but is taken. */
    private static final String NOT_A_FACE = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});

    @TempDir
    static Path data;

    private static LivenessServer server;
    private static String token;
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();

    @BeforeAll
    static void start() throws Exception {
        server = RecordedSessions.askingForTheMouth(TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath()))
                .start("127.0.0.1", 0));
        token = new LivenessClient(url(""), Duration.ofSeconds(10)).generateToken(TestAccount.ACCESS_KEY,
                TestAccount.SECRET_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static LivenessClient kiosk(String name) throws Exception {
        return EnrolledKiosk.client(server, data.resolve(name));
    }

    private static String license() throws ServiceCallException {
        return new LivenessClient(url(""), Duration.ofSeconds(10)).authLicense(token, 600, TestAccount.APPLICATION_ID);
    }

    private static String ticket(LivenessClient kiosk) throws ServiceCallException {
        return kiosk.authorize(license(), TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0").ticket();
    }

    /** A session under a challenge the kiosk asked for with the ticket; its pictures show no face. */
    private static UploadRequest upload(LivenessClient kiosk, String ticket) throws ServiceCallException {
        String challengeId = kiosk.challenge(ticket, new KioskApi.ChallengeRequest(40, 80)).challengeId();
        return new UploadRequest(UUID.randomUUID().toString(), challengeId, null, null, "0.1.0", "kiosk",
                List.of(new UploadRequest.Action("BLINK", 900)),
                new UploadRequest.Recording(List.of(0L, 40L), List.of(NOT_A_FACE, NOT_A_FACE)), NOT_A_FACE);
    }

    private static String authorizeBody() throws ServiceCallException {
        return GSON.toJson(Map.of("license", license(), "market", TestAccount.MARKET, "applicationId",
                TestAccount.APPLICATION_ID, "version", "0.1.0"));
    }

    /** Sends a request as given, and reads the envelope the service answered. */
    private static JsonObject send(Request.Builder request) throws IOException {
        try (Response response = HTTP.newCall(request.build()).execute()) {
            assertEquals(200, response.code(), "every refusal is HTTP 200 with its envelope");
            return JsonParser.parseString(response.body().string()).getAsJsonObject();
        }
    }

    private static Request.Builder post(String path, String json, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(url(path)).post(RequestBody.create(json.getBytes(StandardCharsets.UTF_8), JSON));
        headers.forEach(request::header);
        return request;
    }

    private static Map<String, String> signed(String name, String deviceId, String path, String json) throws IOException {
        return SignedRequest.headers(DeviceIdentity.in(data.resolve(name)), deviceId, "POST", path, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String code(JsonObject envelope) {
        return envelope.get("code").getAsString();
    }

    // Enrolment

    @Test
    void anEnrollmentCodeServesOnce() throws Exception {
        String code = server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code();
        new LivenessClient(url(""), Duration.ofSeconds(10), DeviceIdentity.in(data.resolve("first"))).enroll(code, "0.1.0");

        LivenessClient second = new LivenessClient(url(""), Duration.ofSeconds(10), DeviceIdentity.in(data.resolve("second")));
        ServiceCallException refused = assertThrows(ServiceCallException.class, () -> second.enroll(code, "0.1.0"));

        assertEquals(LivenessError.AUTH_PARAMETER_ERROR, refused.error());
        assertTrue(second.deviceId().isEmpty());
    }

    @Test
    void anExpiredEnrollmentCodeIsRefused() throws Exception {
        Store.Account demo = server.store().accountByAccessKey(TestAccount.ACCESS_KEY).orElseThrow();
        long now = System.currentTimeMillis();
        server.store().saveEnrollmentCode(Devices.hash("OLD00-OLD00-OLD00-OLD00"), demo.id(), now - 2 * Devices.CODE_LIFETIME_MS,
                now - Devices.CODE_LIFETIME_MS);
        LivenessClient late = new LivenessClient(url(""), Duration.ofSeconds(10), DeviceIdentity.in(data.resolve("late")));

        assertEquals(LivenessError.AUTH_PARAMETER_ERROR,
                assertThrows(ServiceCallException.class, () -> late.enroll("OLD00-OLD00-OLD00-OLD00", "0.1.0")).error());
    }

    @Test
    void aMadeUpEnrollmentCodeIsRefused() throws Exception {
        LivenessClient guessing = new LivenessClient(url(""), Duration.ofSeconds(10), DeviceIdentity.in(data.resolve("guessing")));

        assertEquals(LivenessError.AUTH_PARAMETER_ERROR,
                assertThrows(ServiceCallException.class, () -> guessing.enroll("AAAAA-BBBBB-CCCCC-DDDDD", "0.1.0")).error());
    }

    @Test
    void enrollingSomeoneElsesPublicKeyNeedsItsPrivateKey() throws Exception {
        String code = server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code();
        String victimKey = DeviceIdentity.in(data.resolve("victim")).publicKey();
        String body = GSON.toJson(Map.of("enrollmentCode", code, "publicKey", victimKey, "version", "0.1.0"));

        JsonObject refused = send(post(Routes.KIOSK_ENROLL, body, signed("thief", "", Routes.KIOSK_ENROLL, body)));

        assertEquals("AUTH_PARAMETER_ERROR", code(refused));
        // The code was not spent by the failed attempt: the kiosk that holds the key enrols with it.
        JsonObject enrolled = send(post(Routes.KIOSK_ENROLL, body, signed("victim", "", Routes.KIOSK_ENROLL, body)));
        assertEquals("SUCCESS", code(enrolled), enrolled.toString());
    }

    @Test
    void enrollmentCodesAreStoredAsHashesOnly() throws Exception {
        String code = server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code();
        StringBuilder stored = new StringBuilder();
        try (var files = Files.list(data.resolve("service"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("liveness.db")).toList()) {
                stored.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }

        assertFalse(stored.indexOf(code) >= 0 || stored.indexOf(code.replace("-", "")) >= 0, "the code is stored in the clear");
    }

    // Signatures

    @Test
    void anUnsignedKioskRequestIsRefused() throws Exception {
        JsonObject refused = send(post(Routes.KIOSK_AUTHORIZE, authorizeBody(), Map.of()));

        assertEquals("AUTH_PARAMETER_ERROR", code(refused));
    }

    @Test
    void everyRouteUnderKioskIsSignedEvenOnesThatDoNotExistYet() throws Exception {
        assertEquals("AUTH_PARAMETER_ERROR", code(send(post("/kiosk/v1/challenge", "{}", Map.of()))));
        assertEquals("AUTH_PARAMETER_ERROR", code(send(new Request.Builder().url(url(Routes.KIOSK_UPLOAD)).get())));
    }

    @Test
    void aBodyAlteredAfterSigningIsRefused() throws Exception {
        LivenessClient kiosk = kiosk("alter");
        String body = authorizeBody();
        Map<String, String> headers = signed("alter", kiosk.deviceId().orElseThrow(), Routes.KIOSK_AUTHORIZE, body);

        JsonObject refused = send(post(Routes.KIOSK_AUTHORIZE, body.replace("0.1.0", "0.1.1"), headers));

        assertEquals("AUTH_PARAMETER_ERROR", code(refused));
    }

    @Test
    void aSignatureForAnotherPathIsRefused() throws Exception {
        LivenessClient kiosk = kiosk("path");
        String body = authorizeBody();
        Map<String, String> headers = signed("path", kiosk.deviceId().orElseThrow(), "/kiosk/v1/other", body);

        assertEquals("AUTH_PARAMETER_ERROR", code(send(post(Routes.KIOSK_AUTHORIZE, body, headers))));
    }

    @Test
    void aKioskCannotSignAsAnotherKiosk() throws Exception {
        LivenessClient victim = kiosk("impersonated");
        kiosk("impostor");
        String body = authorizeBody();
        Map<String, String> headers = signed("impostor", victim.deviceId().orElseThrow(), Routes.KIOSK_AUTHORIZE, body);

        assertEquals("AUTH_PARAMETER_ERROR", code(send(post(Routes.KIOSK_AUTHORIZE, body, headers))));
    }

    @Test
    void anUnenrolledKioskIsRefused() throws Exception {
        String body = authorizeBody();
        Map<String, String> headers = signed("never-enrolled", UUID.randomUUID().toString(), Routes.KIOSK_AUTHORIZE, body);

        assertEquals("AUTH_IAM_FAILED", code(send(post(Routes.KIOSK_AUTHORIZE, body, headers))));
    }

    @Test
    void aStaleOrFutureSignatureIsRefused() throws Exception {
        LivenessClient kiosk = kiosk("clock");
        DeviceIdentity identity = DeviceIdentity.in(data.resolve("clock"));
        String body = authorizeBody();
        for (long offset : new long[] {-301_000, 301_000}) {
            Map<String, String> headers = SignedRequest.headers(identity, kiosk.deviceId().orElseThrow(), "POST", Routes.KIOSK_AUTHORIZE,
                    body.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() + offset, UUID.randomUUID().toString());

            assertEquals("AUTH_PARAMETER_ERROR", code(send(post(Routes.KIOSK_AUTHORIZE, body, headers))), "offset " + offset);
        }
        Map<String, String> inTime = SignedRequest.headers(identity, kiosk.deviceId().orElseThrow(), "POST", Routes.KIOSK_AUTHORIZE,
                body.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() - 240_000, UUID.randomUUID().toString());
        assertEquals("SUCCESS", code(send(post(Routes.KIOSK_AUTHORIZE, body, inTime))), "four minutes off is within the bound");
    }

    @Test
    void aSignedRequestIsAcceptedOnce() throws Exception {
        LivenessClient kiosk = kiosk("replay");
        String body = authorizeBody();
        Map<String, String> headers = signed("replay", kiosk.deviceId().orElseThrow(), Routes.KIOSK_AUTHORIZE, body);

        assertEquals("SUCCESS", code(send(post(Routes.KIOSK_AUTHORIZE, body, headers))));
        JsonObject replayed = send(post(Routes.KIOSK_AUTHORIZE, body, headers));

        assertEquals("AUTH_PARAMETER_ERROR", code(replayed));
        assertTrue(replayed.get("message").getAsString().contains("already used"), replayed.toString());
    }

    @Test
    void aSignedTokenRequestIsAcceptedOnce() throws Exception {
        long timestamp = System.currentTimeMillis();
        String body = GSON.toJson(Map.of("accessKey", TestAccount.ACCESS_KEY, "timestamp", timestamp, "signature",
                TokenSignature.of(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, timestamp)));

        assertEquals("SUCCESS", code(send(post(Routes.GENERATE_TOKEN, body, Map.of()))));
        assertEquals("IAM_FAILED", code(send(post(Routes.GENERATE_TOKEN, body, Map.of()))));
    }

    // Tickets and lock-outs are the service's device's, never a client's claim

    @Test
    void aTicketServesOnlyTheKioskItWasIssuedTo() throws Exception {
        LivenessClient owner = kiosk("ticket-owner");
        LivenessClient other = kiosk("ticket-thief");
        String ticket = ticket(owner);

        UploadRequest owners = upload(owner, ticket);
        ServiceCallException refused = assertThrows(ServiceCallException.class, () -> other.upload(ticket, owners));

        assertEquals(LivenessError.AUTH_TICKET_DISABLE, refused.error());
        assertTrue(owner.upload(ticket, owners).livenessId().length() > 20);
    }

    @Test
    void aLockedKioskCannotNameItselfAnotherDevice() throws Exception {
        try (LivenessServer strict = RecordedSessions.askingForTheMouth(TestAccount.in(LivenessServer.open(data.resolve("strict"),
                Models.fromClasspath(), new ServiceLimits(2, 2_000, 60_000))).start("127.0.0.1", 0))) {
            LivenessClient locked = EnrolledKiosk.client(strict, data.resolve("locked"));
            LivenessClient open = new LivenessClient("http://127.0.0.1:" + strict.port(), Duration.ofSeconds(10));
            String license = open.authLicense(open.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY), 600,
                    TestAccount.APPLICATION_ID);
            String ticket = locked.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0").ticket();
            for (int attempt = 0; attempt < ServiceLimits.MAX_FAILURES; attempt++) {
                locked.upload(ticket, upload(locked, ticket));
            }

            String body = GSON.toJson(Map.of("license", license, "market", TestAccount.MARKET, "applicationId",
                    TestAccount.APPLICATION_ID, "version", "0.1.0", "deviceId", "a-fresh-desk-" + UUID.randomUUID()));
            Map<String, String> headers = SignedRequest.headers(DeviceIdentity.in(data.resolve("locked")), locked.deviceId().orElseThrow(),
                    "POST", Routes.KIOSK_AUTHORIZE, body.getBytes(StandardCharsets.UTF_8));
            Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + strict.port() + Routes.KIOSK_AUTHORIZE)
                    .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
            headers.forEach(request::header);

            assertEquals("DEVICE_LOCKED", code(send(request)));
        }
    }

    // Revoked kiosks and disabled accounts

    @Test
    void aRevokedKioskIsRefusedAtOnceEvenWithATicketIssuedBefore() throws Exception {
        LivenessClient kiosk = kiosk("revoked");
        String ticket = ticket(kiosk);
        String deviceId = kiosk.deviceId().orElseThrow();

        server.accounts().revokeDevice(deviceId);

        assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED,
                assertThrows(ServiceCallException.class, () -> kiosk.upload(ticket, upload(kiosk, ticket))).error());
        assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, assertThrows(ServiceCallException.class, () -> ticket(kiosk)).error());
        Accounts.Device listed = server.accounts().devices(TestAccount.ACCESS_KEY).stream()
                .filter(device -> device.id().equals(deviceId)).findFirst().orElseThrow();
        assertTrue(listed.revokedAt().isPresent() && listed.lastSeen().isPresent(), listed.toString());
    }

    @Test
    void aDisabledAccountsKioskIsRefusedAtOnceEvenWithATicketIssuedBefore() throws Exception {
        Store.Account bank = server.store().createAccount("Closing bank", "ID", "closing-key", "closing-secret");
        server.store().addApplication(bank.id(), "org.closing.kiosk");
        LivenessClient open = new LivenessClient(url(""), Duration.ofSeconds(10));
        String bankToken = open.generateToken("closing-key", "closing-secret");
        String license = open.authLicense(bankToken, 600, "org.closing.kiosk");
        LivenessClient kiosk = EnrolledKiosk.client(server, data.resolve("closing"), "closing-key");
        String ticket = kiosk.authorize(license, "ID", "org.closing.kiosk", "0.1.0").ticket();

        server.store().setEnabled(bank.id(), false);

        assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED,
                assertThrows(ServiceCallException.class, () -> kiosk.upload(ticket, upload(kiosk, ticket))).error());
        assertEquals("ACCOUNT_DISABLED", assertThrows(ServiceCallException.class, () -> open.generateSignatureId(bankToken))
                .serviceCode());
        assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, assertThrows(ServiceCallException.class,
                () -> kiosk.authorize(license, "ID", "org.closing.kiosk", "0.1.0")).error());
    }

    @Test
    void aKioskOfOneBankCannotUseAnotherBanksLicense() throws Exception {
        server.store().createAccount("Other bank", "ID", "other-bank-key", "other-bank-secret");
        LivenessClient otherBanksKiosk = EnrolledKiosk.client(server, data.resolve("other-bank"), "other-bank-key");

        assertEquals(LivenessError.AUTH_PARAMETER_ERROR, assertThrows(ServiceCallException.class, () -> otherBanksKiosk.authorize(
                license(), TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")).error());
    }
}
