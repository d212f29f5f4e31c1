package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.vision.Models;

/**
 * The service on a fleet's PostgreSQL database, over real sockets. The database comes from
 * {@code LIVENESS_TEST_DATABASE_URL}, which {@code bin/test} sets up; without it the test is
 * skipped, and under CI it fails.
 */
class PostgresServiceTest {

    @TempDir
    Path keys;

    private static String databaseUrl() {
        String url = System.getenv("LIVENESS_TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            String reason = "LIVENESS_TEST_DATABASE_URL is not set: run the tests with bin/test, which starts PostgreSQL";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return url;
    }

    @Test
    void aSessionGoesFromLicenseToResultOnPostgresql() throws Exception {
        // A schema of its own per run: a fresh database every time, and nothing left behind.
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(databaseUrl()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try {
            runSession(databaseUrl() + "&currentSchema=" + schema);
        } finally {
            try (Connection connection = DriverManager.getConnection(databaseUrl()); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void runSession(String url) throws Exception {
        SessionOutcome recorded = RecordedSessions.mouthSession();
        try (LivenessServer server = LivenessServer.open(keys, Optional.of(url), Models.fromClasspath(), ServiceLimits.defaults())
                .start("127.0.0.1", 0)) {
            LivenessClient client = EnrolledKiosk.client(server, keys.resolve("kiosk"));
            String token = client.generateToken(LivenessServer.DEMO_ACCESS_KEY, LivenessServer.DEMO_SECRET_KEY);
            String license = client.authLicense(token, 600, LivenessServer.DEMO_APPLICATION_ID);
            String ticket = client.authorize(license, LivenessServer.DEMO_MARKET, LivenessServer.DEMO_APPLICATION_ID, "0.1.0")
                    .ticket();
            server.accounts().setSettings(LivenessServer.DEMO_ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY);
            String signatureId = client.generateSignatureId(token);
            KioskApi.ChallengeAnswer challenge = client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120));
            UploadRequest session = RecordedSessions.upload(recorded, challenge, signatureId, "customer-7");

            String livenessId = client.upload(ticket, session).livenessId();

            assertEquals(livenessId, client.upload(ticket, session).livenessId(), "idempotent on the session id");
            LivenessClient.Result result = client.result(token, "signatureId", signatureId);
            assertEquals(livenessId, result.livenessId());
            assertTrue(result.livenessScore() >= 50, "score " + result.livenessScore());
            UploadRequest reuse = RecordedSessions.upload(recorded,
                    client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120)), signatureId, null);
            assertEquals("PARAMETER_ERROR", assertThrows(ServiceCallException.class, () -> client.upload(ticket, reuse)).serviceCode());
        }
    }
}
