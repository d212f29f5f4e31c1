package org.livenesskiosk.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Synthetic sessions written straight into a service's database, their fingerprints and their
 * face's buckets, in one transaction: the replay look-up's tests at the numbers a fleet or a soak
 * reaches, without checking each session.
 */
final class FiledSessions implements AutoCloseable {

    /** Rows sent to the database at once. */
    private static final int BATCH = 10_000;

    private final Connection connection;
    private final PreparedStatement fingerprints;
    private final PreparedStatement buckets;
    private int batched;

    private FiledSessions(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.fingerprints = connection.prepareStatement("INSERT INTO fingerprint (liveness_id, created_at, hashes) VALUES (?, ?, ?)");
        this.buckets = connection.prepareStatement("INSERT INTO replay_bucket (bucket, liveness_id, created_at) VALUES (?, ?, ?)");
    }

    static FiledSessions into(String jdbcUrl) throws SQLException {
        return new FiledSessions(DriverManager.getConnection(jdbcUrl));
    }

    /** Files a session of {@code face}, with these fingerprints, as stored at {@code createdAt}. */
    void file(String livenessId, long createdAt, byte[] hashes, float[] face) throws SQLException {
        fingerprints.setString(1, livenessId);
        fingerprints.setLong(2, createdAt);
        fingerprints.setBytes(3, hashes);
        fingerprints.addBatch();
        for (long bucket : FaceBuckets.of(face)) {
            buckets.setLong(1, bucket);
            buckets.setString(2, livenessId);
            buckets.setLong(3, createdAt);
            buckets.addBatch();
        }
        if (++batched % BATCH == 0) {
            fingerprints.executeBatch();
            buckets.executeBatch();
        }
    }

    /** Writes what is left and commits. */
    @Override
    public void close() throws SQLException {
        try (connection; fingerprints; buckets) {
            fingerprints.executeBatch();
            buckets.executeBatch();
            connection.commit();
        }
    }
}
