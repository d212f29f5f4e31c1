package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.DeviceIdentity;
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

    static String databaseUrl() {
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

    /** Runs {@code test} on a schema of its own: a fresh database every time, and nothing left behind. */
    private static void inFreshSchema(SchemaTest test) throws Exception {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(databaseUrl()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try {
            test.run(databaseUrl() + "&currentSchema=" + schema);
        } finally {
            try (Connection connection = DriverManager.getConnection(databaseUrl()); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @FunctionalInterface
    private interface SchemaTest {
        void run(String url) throws Exception;
    }

    @Test
    void aSessionGoesFromLicenseToResultOnPostgresql() throws Exception {
        inFreshSchema(this::runSession);
    }

    /**
     * Two nodes of a fleet on one database, the same session uploaded to both at once (a kiosk's
     * retry landing on another node while the first still checks it): both checks run, one result
     * stands, and both answers give its livenessId.
     */
    @Test
    void twoNodesRacingOnOneSessionGiveOneLivenessId() throws Exception {
        SessionOutcome recorded = RecordedSessions.mouthSession();
        inFreshSchema(url -> {
            SecretBox fleetKey = SecretBox.inFolder(keys);
            try (LivenessServer first = TestAccount.in(LivenessServer.open(keys, Optional.of(url), fleetKey, Models.fromClasspath(),
                    ServiceLimits.defaults())).start("127.0.0.1", 0);
                 LivenessServer second = TestAccount.in(LivenessServer.open(keys, Optional.of(url), fleetKey, Models.fromClasspath(),
                         ServiceLimits.defaults())).start("127.0.0.1", 0)) {
                second.accounts().setSettings(TestAccount.ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY);
                // One kiosk, its calls sent to either node; patient, as both check the session at once on a busy machine.
                LivenessClient onFirst = new LivenessClient("http://127.0.0.1:" + first.port(), Duration.ofSeconds(60),
                        DeviceIdentity.in(keys.resolve("kiosk")));
                String device = onFirst.enroll(first.accounts().enrollDevice(TestAccount.ACCESS_KEY).code(), "0.1.0");
                LivenessClient onSecond = new LivenessClient("http://127.0.0.1:" + second.port(), Duration.ofSeconds(60),
                        DeviceIdentity.in(keys.resolve("kiosk")));
                onSecond.useDevice(device);
                String token = onSecond.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
                String license = onFirst.authLicense(token, 600, TestAccount.APPLICATION_ID);
                String ticket = onFirst.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")
                        .ticket();
                KioskApi.ChallengeAnswer challenge = onSecond.challenge(ticket, new KioskApi.ChallengeRequest(15, 120));
                UploadRequest session = RecordedSessions.upload(recorded, challenge, null, null);

                ExecutorService both = Executors.newFixedThreadPool(2);
                try {
                    CountDownLatch ready = new CountDownLatch(2);
                    Future<KioskApi.UploadAnswer> toFirst = both.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return onFirst.upload(ticket, session);
                    });
                    Future<KioskApi.UploadAnswer> toSecond = both.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return onSecond.upload(ticket, session);
                    });
                    String livenessId = toFirst.get().livenessId();
                    assertEquals(livenessId, toSecond.get().livenessId(), "one session, one livenessId, whichever node answered");
                    assertEquals(toFirst.get().verdict(), toSecond.get().verdict());
                    assertEquals(KioskApi.Verdict.VERIFIED, toFirst.get().verdict());
                } finally {
                    both.shutdownNow();
                }
                try (Connection connection = DriverManager.getConnection(url);
                     Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT count(*) FROM liveness_result")) {
                    rows.next();
                    assertEquals(1, rows.getInt(1), "one result stored");
                }
            }
        });
    }

    /** A node given another key than the one the database's records were written under is refused at start. */
    @Test
    void aNodeWithAnotherKeyIsRefused() throws Exception {
        inFreshSchema(url -> {
            try (LivenessServer first = TestAccount.in(LivenessServer.open(keys.resolve("one"), Optional.of(url), Models.fromClasspath(),
                    ServiceLimits.defaults()))) {
                IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LivenessServer.open(
                        keys.resolve("other"), Optional.of(url), Models.fromClasspath(), ServiceLimits.defaults()));
                assertTrue(refused.getMessage().contains("same key"), refused.getMessage());
            }
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT key_check FROM service_key")) {
                rows.next();
                byte[] key = Files.readAllBytes(keys.resolve("one").resolve("service.key"));
                String stored = rows.getString(1);
                assertFalse(stored.contains(HexFormat.of().formatHex(key, 0, 8)), "the key is never stored in the clear");
            }
        });
    }

    /** The review queue's decisions on PostgreSQL: superseded, and two at once taking one number. */
    @Test
    void reviewDecisionsSupersedeOnPostgresql() throws Exception {
        inFreshSchema(url -> {
            try (LivenessServer server = TestAccount.in(LivenessServer.open(keys, Optional.of(url), Models.fromClasspath(),
                    ServiceLimits.defaults())).start("127.0.0.1", 0)) {
                ReviewQueueTest.decisionsSupersedeAndTwoAtOnceLeaveOne(server, keys);
            }
        });
    }

    /** The review desk on PostgreSQL: what a session shows, to its account only; a reviewer disabled, a password reset. */
    @Test
    void theReviewDeskOnPostgresql() throws Exception {
        inFreshSchema(url -> {
            try (LivenessServer server = TestAccount.in(LivenessServer.open(keys, Optional.of(url), Models.fromClasspath(),
                    ServiceLimits.defaults())).start("127.0.0.1", 0)) {
                ReviewQueueTest.documentPortraitTimelineAndCuesForTheAccountOnly(server);
                ReviewQueueTest.disabledReviewerIsSignedOutAndRefused(server);
                ReviewQueueTest.resetPasswordEndsEverySessionBegunBefore(server, keys);
            }
        });
    }

    /** Each account's match threshold on PostgreSQL: the same pair a match for one bank and none for another. */
    @Test
    void eachAccountMatchesAtItsOwnThresholdOnPostgresql() throws Exception {
        inFreshSchema(url -> {
            try (LivenessServer server = TestAccount.in(LivenessServer.open(keys, Optional.of(url), Models.fromClasspath(),
                    ServiceLimits.defaults())).start("127.0.0.1", 0)) {
                MouthDesk desk = MouthDesk.on(server, keys.resolve("kiosk"));
                String livenessId = desk.client().upload(desk.ticket(), RecordedSessions.upload(RecordedSessions.mouthSession(),
                        desk.challenge(), null, null)).livenessId();
                FaceCompareTest.eachAccountMatchesAtItsOwnThreshold(desk, livenessId);
            }
        });
    }

    /** The replay look-up on PostgreSQL reads a face's earlier sessions as it compares them, not all before the first. */
    @Test
    void aLookUpReadsAsItComparesOnPostgresql() throws Exception {
        inFreshSchema(url -> {
            try (Store store = Store.postgresql(url, SecretBox.inFolder(keys))) {
                FaceLookUpReadTest.readsOnlyWhatItCompares(store, url);
            }
        });
    }

    private void runSession(String url) throws Exception {
        SessionOutcome recorded = RecordedSessions.mouthSession();
        try (LivenessServer server = TestAccount.in(LivenessServer.open(keys, Optional.of(url), Models.fromClasspath(), ServiceLimits.defaults()))
                .start("127.0.0.1", 0)) {
            LivenessClient client = EnrolledKiosk.client(server, keys.resolve("kiosk"));
            String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            String license = client.authLicense(token, 600, TestAccount.APPLICATION_ID);
            String ticket = client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")
                    .ticket();
            server.accounts().setSettings(TestAccount.ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY);
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
