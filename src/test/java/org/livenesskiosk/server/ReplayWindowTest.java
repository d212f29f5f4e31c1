package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.vision.FaceEmbedder;
import org.livenesskiosk.vision.FaceFingerprint;

/**
 * The replay window holds at the size a fleet reaches: 100,000 other sessions of the last 30 days
 * stored, a customer's session 29 days old is still recognised when it is sent again, through the
 * real service, and a check's look-up takes about as long as with an empty index. The other
 * sessions are synthetic (random faces, random frames), written straight into the database.
 */
class ReplayWindowTest {

    private static final int STORED_SESSIONS = 100_000;
    /** Frames per synthetic session: fewer than a real one's, to keep the test's database small; the look-up reads none of them. */
    private static final int FRAMES_PER_SESSION = 20;
    private static final long DAY_MS = 86_400_000;
    private static final long HOUR_MS = 3_600_000;

    @TempDir
    Path data;

    @Test
    void aReplayIsRecognisedTwentyNineDaysLaterAmongOneHundredThousandSessions() throws Exception {
        Store.sqlite(data.resolve("liveness.db"), SecretBox.inFolder(data)).close();
        long now = System.currentTimeMillis();
        long insertStart = System.nanoTime();
        storeOtherSessions(now);
        System.out.printf("replay window: %d sessions stored in %.1f s%n", STORED_SESSIONS, (System.nanoTime() - insertStart) / 1e9);

        try (MouthDesk desk = MouthDesk.open(data)) {
            KioskApi.ChallengeAnswer challenge = desk.challenge();
            UploadRequest genuine = RecordedSessions.upload(RecordedSessions.mouthSession(), challenge, null, null);
            String customer = desk.client().upload(desk.ticket(), genuine).livenessId();
            assertTrue(desk.server().store().resultByLivenessIdAnyAccount(customer).orElseThrow().score() >= KioskRoutes.PASSING_SCORE);
            age(customer, now - 29 * DAY_MS);
            assertEquals(STORED_SESSIONS + 1, desk.server().store().fingerprintsSince(now - KioskRoutes.REPLAY_WINDOW_MS));

            UploadRequest replay = new UploadRequest("replay-" + UUID.randomUUID(), desk.challenge().challengeId(), null, null,
                    genuine.sdkVersion(), genuine.platform(), genuine.actions(), genuine.recording(), genuine.bestImage());
            Store.StoredResult refused = desk.server().store().resultByLivenessIdAnyAccount(
                    desk.client().upload(desk.ticket(), replay).livenessId()).orElseThrow();
            assertEquals(Optional.of("REPLAY"), refused.attackReason(), refused.toString());

            IdentityCost cost = desk.server().identityCost();
            System.out.printf("replay window: look-up and comparisons %.1f ms a session (%d look-ups) with %d sessions stored; "
                    + "embedding %.1f ms a session (%.1f faces)%n", cost.lookupMsPerLookup(), cost.lookups(), STORED_SESSIONS + 1,
                    cost.embeddingMsPerCheck(), cost.facesPerCheck());
            timedLookups(desk.server().store(), now);
        }
    }

    /** The index's own look-up for new faces (random ones, as most customers are to the index), timed. */
    private static void timedLookups(Store store, long now) {
        Random random = new Random(7);
        List<Double> times = new ArrayList<>();
        long candidates = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            candidates += store.withFingerprintsIn(FaceBuckets.probes(randomFace(random)), now - KioskRoutes.REPLAY_WINDOW_MS,
                    Stream::count);
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(null);
        System.out.printf("replay window: index look-up for a new face median %.2f ms, p95 %.2f ms, %.1f candidate sessions read "
                + "on average, with %d sessions stored%n", times.get(times.size() / 2), times.get(times.size() * 95 / 100),
                candidates / 200.0, STORED_SESSIONS + 1);
        assertTrue(times.get(times.size() / 2) < 250, "an indexed look-up, not a scan: " + times.get(times.size() / 2) + " ms");
    }

    private void storeOtherSessions(long now) throws Exception {
        Random random = new Random(23);
        try (FiledSessions stored = FiledSessions.into("jdbc:sqlite:" + data.resolve("liveness.db"))) {
            for (int session = 0; session < STORED_SESSIONS; session++) {
                // None within an hour of leaving the window: the service forgets those by its own clock while the test runs.
                long createdAt = now - (long) (random.nextDouble() * (30 * DAY_MS - HOUR_MS));
                ByteBuffer hashes = ByteBuffer.allocate(FRAMES_PER_SESSION * FaceFingerprint.BITS / 8);
                while (hashes.hasRemaining()) {
                    hashes.putLong(random.nextLong());
                }
                stored.file("synthetic-" + session, createdAt, hashes.array(), randomFace(random));
            }
        }
    }

    /** The session as if it had been stored at {@code at}. */
    private void age(String livenessId, long at) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("liveness.db"))) {
            for (String table : List.of("fingerprint", "replay_bucket")) {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table + " SET created_at = ? WHERE liveness_id = ?")) {
                    statement.setLong(1, at);
                    statement.setString(2, livenessId);
                    assertTrue(statement.executeUpdate() > 0, table);
                }
            }
        }
    }

    static float[] randomFace(Random random) {
        float[] face = new float[FaceEmbedder.DIMENSIONS];
        for (int i = 0; i < face.length; i++) {
            face[i] = (float) random.nextGaussian();
        }
        return FaceEmbedder.unit(face);
    }
}
