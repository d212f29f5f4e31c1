package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.HeadlessChromium;
import org.livenesskiosk.vision.Models;

/**
 * The operations team's fleet page in a real browser (Debian's Chromium, headless), on a real
 * service: enrolled kiosks that authorized and reported their outboxes, results of each verdict,
 * refusals. The page must show them, show a hostile branch name as text, and its figures must ask
 * for the account's token.
 */
class FleetPageTest {

    private static final String HOSTILE_BRANCH = "<img src=x onerror=\"document.title='owned'\">Bandung";

    @TempDir
    Path data;

    @Test
    void theOperationsTeamSeesKiosksSessionsAndRefusals() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath()))
                .management("127.0.0.1", 0).start("127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + server.port();
            String operations = "http://127.0.0.1:" + server.managementPort();
            String sudirman = kiosk(server, url, "Jakarta Sudirman", 3);
            String revoked = kiosk(server, url, HOSTILE_BRANCH, 0);
            server.accounts().revokeDevice(revoked);
            Store.Account demo = server.store().accountByAccessKey(TestAccount.ACCESS_KEY).orElseThrow();
            long now = System.currentTimeMillis();
            result(server.store(), demo, 90, null, now);
            result(server.store(), demo, 90, null, now);
            result(server.store(), demo, 0, SessionCheck.INJECTION, now);
            result(server.store(), demo, 0, SessionCheck.UNSURE, now);
            LivenessClient integrator = new LivenessClient(url, Duration.ofSeconds(10));
            String token = integrator.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);

            HttpResponse<String> withoutToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(operations
                    + FleetPage.SUMMARY)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(withoutToken.body().contains("\"IAM_FAILED\""), withoutToken.body());
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(operations + FleetPage.PAGE))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("default-src 'self'; frame-ancestors 'none'", page.headers().firstValue("Content-Security-Policy")
                    .orElse(""));
            assertFalse(page.body().contains(sudirman), "the page itself holds nothing of the bank");

            HeadlessChromium chromium = HeadlessChromium.in(Files.createDirectories(data.resolve("chromium")));
            String dom = chromium.dom(operations + FleetPage.PAGE + "#token=" + token);

            assertTrue(dom.contains("<code>" + sudirman + "</code>"), "the kiosk is listed, not revoked");
            assertTrue(dom.contains("<code>" + revoked + " (revoked)</code>"), "a revoked kiosk is marked");
            assertTrue(dom.contains("<form id=\"sign-in\" hidden=\"\">"), "signed in, the form is gone");
            assertTrue(dom.contains("Jakarta Sudirman"));
            assertTrue(dom.contains("<td class=\"number\">3</td>"), "its outbox backlog");
            assertTrue(dom.contains("<span id=\"total-sessions\">4</span>"), dom);
            assertTrue(dom.contains("<span id=\"total-verified\">2</span>"));
            assertTrue(dom.contains("<span id=\"total-manual\">1</span>"));
            assertTrue(dom.contains("<span id=\"total-failed\">1</span>"));
            assertTrue(dom.contains("CHALLENGE_INVALID"), "the refusal's code");
            assertTrue(dom.contains("&lt;img src=x"), "a branch's name is shown as text");
            assertFalse(dom.contains("<img"), "never as markup");
            assertTrue(dom.contains("<title>Liveness service — fleet</title>"), "its script never ran");
            assertFalse(dom.contains(token), "the token leaves the address bar");

            String withoutTokenDom = chromium.dom(operations + FleetPage.PAGE);
            assertTrue(withoutTokenDom.contains("<form id=\"sign-in\">"), "without a token the page asks to sign in");
            assertFalse(withoutTokenDom.contains(sudirman));
        }
    }

    /** A kiosk enrolled for {@code branch}, authorized with {@code backlog} sessions in its outbox, refused once. */
    private String kiosk(LivenessServer server, String url, String branch, int backlog) throws Exception {
        LivenessClient client = new LivenessClient(url, Duration.ofSeconds(10), DeviceIdentity.in(data.resolve(UUID.randomUUID()
                .toString())));
        String device = client.enroll(server.accounts().enrollDevice(TestAccount.ACCESS_KEY, Optional.of(branch)).code(),
                "0.1.0");
        String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        String license = client.authLicense(token, 600, TestAccount.APPLICATION_ID);
        String ticket = client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.9.3", backlog)
                .ticket();
        UploadRequest unknownChallenge = new UploadRequest(UUID.randomUUID().toString(), "no-such-challenge", null, null, "0.9.3",
                "kiosk", List.of(), new UploadRequest.Recording(List.of(), List.of()), null);
        assertEquals("CHALLENGE_INVALID", assertThrows(ServiceCallException.class, () -> client.upload(ticket, unknownChallenge))
                .serviceCode());
        return device;
    }

    private static void result(Store store, Store.Account account, int score, String attackType, long at) {
        String livenessId = UUID.randomUUID().toString().replace("-", "");
        store.saveResult(new Store.StoredResult(livenessId, account.id(), "s-" + livenessId, Optional.empty(), Optional.empty(), score,
                Optional.ofNullable(attackType), Optional.empty(), "0.9.3", "kiosk", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()),
                new Fingerprints(), "kiosk-1", at);
    }
}
