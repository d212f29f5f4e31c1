package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay look-up reads a face's earlier sessions from the database as it compares them, not
 * all at once: one face filed thousands of times (a customer back every day, a kiosk sending one
 * face again and again, a face flooded on purpose) costs a look-up that stops at the first replay
 * only the rows it compared. Measured as the bytes the reading thread allocates, against the same
 * face's sessions all read. {@link PostgresServiceTest} runs the same on PostgreSQL, whose driver
 * holds a whole result unless told otherwise.
 */
class FaceLookUpReadTest {

    /** Sessions of the one face: a few days of a kiosk sending one customer. */
    private static final int SESSIONS_OF_THE_FACE = 3_000;
    /** A real session's fingerprints: 256 frames of 256 bits. */
    private static final int FINGERPRINT_BYTES = 8_192;
    private static final long STORED_BYTES = (long) SESSIONS_OF_THE_FACE * FINGERPRINT_BYTES;

    @TempDir
    Path data;

    @Test
    void aLookUpThatStopsAtTheFirstSessionReadsLittleOfAFaceFiledThousandsOfTimes() throws Exception {
        Path file = data.resolve("liveness.db");
        try (Store store = Store.sqlite(file, SecretBox.inFolder(data))) {
            readsOnlyWhatItCompares(store, "jdbc:sqlite:" + file);
        }
    }

    /** A face's thousands of bucket rows are read from the index, side by side, not each looked up in the table for its date. */
    @Test
    void theLookUpReadsTheBucketsFromTheirIndexAlone() throws Exception {
        Path file = data.resolve("liveness.db");
        Store.sqlite(file, SecretBox.inFolder(data)).close();
        List<String> plan = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + Store.fingerprintsInSql(3))) {
            for (int parameter = 1; parameter <= 4; parameter++) {
                explain.setLong(parameter, parameter);
            }
            try (ResultSet steps = explain.executeQuery()) {
                while (steps.next()) {
                    plan.add(steps.getString("detail"));
                }
            }
        }
        assertTrue(plan.stream().anyMatch(step -> step.contains("COVERING INDEX replay_bucket_window")), plan.toString());
    }

    static void readsOnlyWhatItCompares(Store store, String jdbcUrl) throws Exception {
        Random random = new Random(11);
        float[] face = ReplayWindowTest.randomFace(random);
        fileManyTimes(jdbcUrl, face, random);
        long since = System.currentTimeMillis() - KioskRoutes.REPLAY_WINDOW_MS;
        long[] probes = FaceBuckets.probes(face);
        long[] anotherFace = FaceBuckets.probes(ReplayWindowTest.randomFace(random));
        store.withFingerprintsIn(anotherFace, since, Stream::findFirst); // the first look-up's connection and classes out of the way

        long[] read = new long[2];
        long allRead = allocatedBy(() -> read[0] = store.withFingerprintsIn(probes, since, Stream::count));
        long firstRead = allocatedBy(() -> read[1] = store.withFingerprintsIn(probes, since, Stream::findFirst).stream().count());
        assertEquals(SESSIONS_OF_THE_FACE, read[0], "the face's sessions, all filed under its buckets");
        assertEquals(1, read[1]);

        System.out.printf("face look-up: %d sessions of one face (%.1f MB of fingerprints): %.1f MB allocated to read them all, "
                + "%.2f MB to stop at the first%n", SESSIONS_OF_THE_FACE, STORED_BYTES / 1e6, allRead / 1e6, firstRead / 1e6);
        assertTrue(allRead > STORED_BYTES, "reading them all is seen: " + allRead + " bytes");
        assertTrue(firstRead < STORED_BYTES / 8, "the first session read without the rest: " + firstRead + " bytes");
    }

    private static void fileManyTimes(String jdbcUrl, float[] face, Random random) throws Exception {
        long now = System.currentTimeMillis();
        try (FiledSessions stored = FiledSessions.into(jdbcUrl)) {
            for (int session = 0; session < SESSIONS_OF_THE_FACE; session++) {
                byte[] hashes = new byte[FINGERPRINT_BYTES];
                random.nextBytes(hashes);
                stored.file("same-face-" + session, now - session, hashes, face);
            }
        }
    }

    /** The bytes this thread allocates while {@code read} runs: the driver reads on the caller's thread. */
    private static long allocatedBy(Runnable read) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        read.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
