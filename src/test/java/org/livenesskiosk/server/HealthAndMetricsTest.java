package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.vision.Models;

/** What a load balancer and Prometheus ask a node: alive, ready (database and models), and its counts. */
class HealthAndMetricsTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNodeSaysItIsReadyOnceItsModelsAreLoadedAndCountsWhatItAnswers() throws Exception {
        try (LivenessServer server = LivenessServer.open(data, Models.fromClasspath()).nodeName("node-7").start("127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + server.port();
            assertEquals(200, get(url + Health.LIVE).statusCode());
            HttpResponse<String> ready = get(url + Health.READY);
            long giveUp = System.currentTimeMillis() + 30_000;
            while (ready.statusCode() != 200 && System.currentTimeMillis() < giveUp) {
                assertEquals(503, ready.statusCode(), "not ready yet is 503, for the balancer");
                Thread.sleep(100);
                ready = get(url + Health.READY);
            }
            assertEquals("{\"status\":\"UP\",\"database\":true,\"models\":true}", ready.body());
            assertEquals("node-7", ready.headers().firstValue(Headers.NODE).orElse(""), "every answer names its node");

            LivenessClient kiosk = EnrolledKiosk.client(server, data.resolve("kiosk"));
            String token = kiosk.generateToken(LivenessServer.DEMO_ACCESS_KEY, LivenessServer.DEMO_SECRET_KEY);
            String ticket = kiosk.authorize(kiosk.authLicense(token, 600, LivenessServer.DEMO_APPLICATION_ID), LivenessServer.DEMO_MARKET,
                    LivenessServer.DEMO_APPLICATION_ID, "0.1.0", 2).ticket();
            String sessionId = UUID.randomUUID().toString();
            UploadRequest unknownChallenge = new UploadRequest(sessionId, "no-such-challenge", null, null, "0.1.0", "kiosk", List.of(),
                    new UploadRequest.Recording(List.of(), List.of()), null);
            assertThrows(ServiceCallException.class, () -> kiosk.upload(ticket, unknownChallenge));

            String metrics = get(url + ServiceMetrics.PATH).body();
            assertTrue(metrics.contains("liveness_uploads_total{code=\"CHALLENGE_INVALID\"} 1.0"), metrics);
            assertTrue(metrics.contains("liveness_checks_in_flight 0.0"));
            assertTrue(metrics.contains("liveness_check_duration_seconds_count"));
            assertTrue(metrics.contains("liveness_busy_answers_total 0.0"));
            assertTrue(metrics.contains("liveness_lockouts_total 0.0"));
            assertTrue(metrics.contains("liveness_kiosk_outbox_backlog 2.0"), "the backlog the kiosk reported");
            assertTrue(metrics.contains("jvm_memory_used_bytes"));
            assertFalse(metrics.contains(sessionId) || metrics.contains(token) || metrics.contains(ticket), "counts only");
        }
    }
}
