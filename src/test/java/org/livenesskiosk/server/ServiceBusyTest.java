package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.testdata.SignedRequest;
import org.livenesskiosk.vision.Models;

import com.google.gson.Gson;

/** Overloaded, the service says SERVICE_BUSY with Retry-After instead of queueing without end. */
class ServiceBusyTest {

    @TempDir
    Path data;

    @Test
    void uploadsBeyondWhatItCanCheckAreToldToComeBack() throws Exception {
        try (LivenessServer server = RecordedSessions.askingForTheMouth(
                TestAccount.in(LivenessServer.open(data, Models.fromClasspath(), new ServiceLimits(1, 0, 300_000))).start("127.0.0.1", 0))) {
            LivenessClient client = EnrolledKiosk.client(server, data.resolve("kiosk"));
            DeviceIdentity kiosk = DeviceIdentity.in(data.resolve("kiosk"));
            String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            String license = client.authLicense(token, 600, TestAccount.APPLICATION_ID);
            String ticket = client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")
                    .ticket();
            SessionOutcome recorded = RecordedSessions.mouthSession();
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            List<UploadRequest> uploads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                KioskApi.ChallengeAnswer challenge = client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120));
                UploadRequest upload = RecordedSessions.upload(recorded, challenge, null, null);
                uploads.add(upload);
                HttpRequest request = SignedRequest.post(server.port(), "/kiosk/v1/upload", new Gson().toJson(upload), kiosk,
                        client.deviceId().orElseThrow()).header("X-KIOSK-TICKET", ticket).header("X-KIOSK-SESSION", upload.sessionId())
                        .header("X-KIOSK-CHALLENGE", upload.challengeId()).build();
                answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> busy = new ArrayList<>();
            List<UploadRequest> turnedAway = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> response = answers.get(i).get();
                assertEquals(200, response.statusCode());
                if (response.body().contains("\"SERVICE_BUSY\"")) {
                    busy.add(response);
                    turnedAway.add(uploads.get(i));
                }
            }
            assertTrue(!busy.isEmpty() && busy.size() < 6, busy.size() + " of 6 uploads were told the service is busy");
            assertEquals("5", busy.get(0).headers().firstValue("Retry-After").orElseThrow());

            // Each session turned away holds its challenge: no other session may take it, the session itself still may.
            UploadRequest first = turnedAway.get(0);
            UploadRequest usurper = new UploadRequest("another-session", first.challengeId(), null, null, first.sdkVersion(),
                    first.platform(), first.actions(), first.recording(), first.bestImage());
            assertEquals("CHALLENGE_INVALID", assertThrows(ServiceCallException.class, () -> client.upload(ticket, usurper)).serviceCode());
            assertTrue(client.upload(ticket, first).livenessId().length() > 10);
        }
    }
}
