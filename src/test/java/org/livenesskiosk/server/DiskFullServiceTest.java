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
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.testdata.SignedRequest;
import org.livenesskiosk.testdata.SmallDisk;
import org.livenesskiosk.vision.Models;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * The service's data folder on a real small disk: full, it answers SERVICE_BUSY in its envelope,
 * with Retry-After, never a failure; read-only, the same; and when space returns it takes the same
 * upload it turned away; its readiness says the disk is full or read-only (503) until then. Its
 * database is SQLite in that folder, as a single service's is — and a fleet's, on PostgreSQL.
 */
class DiskFullServiceTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void aFullOrReadOnlyDiskIsBusyUntilSpaceReturns() throws Exception {
        SessionOutcome recorded = RecordedSessions.mouthSession();
        try (SmallDisk disk = SmallDisk.mount(folder.resolve("disk"), 32);
             LivenessServer server = RecordedSessions.askingForTheMouth(
                     TestAccount.in(LivenessServer.open(disk.folder(), Models.fromClasspath())).management("127.0.0.1", 0)
                             .start("127.0.0.1", 0))) {
            LivenessClient client = EnrolledKiosk.client(server, folder.resolve("kiosk"));
            String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            String ticket = client.authorize(client.authLicense(token, 600, TestAccount.APPLICATION_ID), TestAccount.MARKET,
                    TestAccount.APPLICATION_ID, "0.1.0").ticket();
            UploadRequest upload = RecordedSessions.upload(recorded, client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120)),
                    null, null);

            assertEquals(200, readiness(server, 200).statusCode(), "ready once its models are loaded, with room on its disk");

            disk.fillLeaving(0);
            HttpResponse<String> full = send(server, client, ticket, upload);
            assertBusy(full);
            HttpResponse<String> notReady = readiness(server, 503);
            assertEquals(503, notReady.statusCode(), notReady.body());
            assertTrue(notReady.body().contains("\"disk\":false") && notReady.body().contains("MB free"), notReady.body());
            assertFalse(notReady.body().contains(disk.folder().toString()), "the folder is not named to a caller");

            // Read-only, as a disk the kernel remounted after an error: busy too, for any call that writes.
            disk.free();
            disk.readOnly(true);
            assertBusy(send(server, client, ticket, upload));
            assertEquals("SERVICE_BUSY", assertThrows(ServiceCallException.class,
                    () -> client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120))).serviceCode());
            HttpResponse<String> readOnly = readiness(server, 503);
            assertTrue(readOnly.statusCode() == 503 && readOnly.body().contains("read-only"), readOnly.body());

            // Space returns: the upload it turned away is taken, and new challenges are drawn.
            disk.readOnly(false);
            assertTrue(client.upload(ticket, upload).livenessId().length() > 10);
            client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120));
            assertEquals(200, readiness(server, 200).statusCode(), "ready again");
        }
    }

    /**
     * A fleet's PostgreSQL with its database on a real small disk (a tablespace on a tmpfs): full,
     * the upload is answered SERVICE_BUSY (SQL state 53100), not a failure, and taken once space
     * returns. The write-ahead log stays on PostgreSQL's own disk, as a real server's often does.
     */
    @Test
    @Timeout(180)
    void aFullDatabaseDiskOfAFleetIsBusyUntilSpaceReturns() throws Exception {
        SessionOutcome recorded = RecordedSessions.mouthSession();
        String url = PostgresServiceTest.databaseUrl();
        String name = "full_disk_" + UUID.randomUUID().toString().replace("-", "");
        // Under /tmp, which PostgreSQL's own user can pass through, not the test's owner-only folder.
        Path mountPoint = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), name));
        try (SmallDisk disk = SmallDisk.mount(mountPoint, 48)) {
            disk.giveTo("postgres");
            asPostgres(url, "postgres", "CREATE TABLESPACE " + name + " LOCATION '" + mountPoint + "'");
            try {
                asPostgres(url, "postgres", "CREATE DATABASE " + name + " OWNER liveness_test TABLESPACE " + name);
                try (LivenessServer server = RecordedSessions.askingForTheMouth(TestAccount.in(LivenessServer.open(folder.resolve("node"),
                        Optional.of(url.replace("/liveness_test?", "/" + name + "?")), Models.fromClasspath(), ServiceLimits.defaults()))
                        .start("127.0.0.1", 0))) {
                    LivenessClient client = EnrolledKiosk.client(server, folder.resolve("kiosk"));
                    String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
                    String ticket = client.authorize(client.authLicense(token, 600, TestAccount.APPLICATION_ID), TestAccount.MARKET,
                            TestAccount.APPLICATION_ID, "0.1.0").ticket();
                    UploadRequest upload = RecordedSessions.upload(recorded,
                            client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120)), null, null);

                    // Space the database gives back by itself would let the upload in: autovacuum truncating the empty pages the
                    // node's own deletes leave (the likely reason it once answered SUCCESS on a loaded machine). Vacuumed first,
                    // nothing is left to give back after the fill.
                    asPostgres(url, name, "VACUUM");
                    disk.fillLeaving(0);
                    assertBusy(send(server, client, ticket, upload));

                    disk.free();
                    assertTrue(client.upload(ticket, upload).livenessId().length() > 10, "taken once space returns");
                }
            } finally {
                asPostgres(url, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                asPostgres(url, "postgres", "DROP TABLESPACE IF EXISTS " + name);
            }
        } finally {
            Files.deleteIfExists(mountPoint);
        }
    }

    /** Runs {@code sql} in {@code database} as PostgreSQL's superuser on the test server's port (root runs the disk tests). */
    private static void asPostgres(String url, String database, String sql) throws Exception {
        String port = url.replaceFirst("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1");
        Process psql = new ProcessBuilder("su", "postgres", "-c", "psql -p " + port + " -d " + database + " -v ON_ERROR_STOP=1 -qc \""
                + sql + "\"")
                .redirectErrorStream(true).start();
        String said = new String(psql.getInputStream().readAllBytes()).trim();
        assertEquals(0, psql.waitFor(), sql + ": " + said);
    }

    /** The node's readiness, asked until it answers {@code expected} or for 30 s (its models load in the background). */
    private static HttpResponse<String> readiness(LivenessServer server, int expected) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.managementPort() + Health.READY)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(ready, HttpResponse.BodyHandlers.ofString());
        for (long giveUp = System.currentTimeMillis() + 30_000; answer.statusCode() != expected && System.currentTimeMillis() < giveUp; ) {
            Thread.sleep(100);
            answer = HttpClient.newHttpClient().send(ready, HttpResponse.BodyHandlers.ofString());
        }
        return answer;
    }

    private static void assertBusy(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject envelope = new Gson().fromJson(response.body(), JsonObject.class);
        assertEquals("SERVICE_BUSY", envelope.get("code").getAsString(), response.body());
        assertTrue(envelope.get("message").getAsString().contains("cannot write"), response.body());
        assertEquals(String.valueOf(KioskRoutes.RETRY_AFTER_SECONDS), response.headers().firstValue("Retry-After").orElseThrow());
    }

    private HttpResponse<String> send(LivenessServer server, LivenessClient client, String ticket, UploadRequest upload)
            throws Exception {
        Path kiosk = folder.resolve("kiosk");
        HttpRequest request = SignedRequest.post(server.port(), "/kiosk/v1/upload", new Gson().toJson(upload),
                        DeviceIdentity.in(kiosk), client.deviceId().orElseThrow())
                .header("X-KIOSK-TICKET", ticket).header("X-KIOSK-SESSION", upload.sessionId())
                .header("X-KIOSK-CHALLENGE", upload.challengeId()).timeout(Duration.ofSeconds(60)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
