package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.livenesskiosk.crypto.SecureFiles;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.ui.HistoryEntry;
import org.sqlite.SQLiteDataSource;

/**
 * This kiosk's sessions in a SQLite file ({@code DIR/kiosk.db}, schema by Flyway from
 * {@code db/kiosk}): when, for whom, the code and what exactly happened or the verdict and
 * livenessId, and whether the evidence was sent.
 */
final class SessionHistory {

    private static final int SHOWN = 500;

    private final SQLiteDataSource dataSource = new SQLiteDataSource();

    private SessionHistory(Path file) {
        dataSource.setUrl("jdbc:sqlite:" + file);
    }

    static SessionHistory open(Path dataDirectory) throws IOException {
        SecureFiles.directories(dataDirectory);
        // Owner-only before SQLite opens it, so that its journal files are owner-only too.
        SecureFiles.ownerOnly(dataDirectory.resolve("kiosk.db"));
        SessionHistory history = new SessionHistory(dataDirectory.resolve("kiosk.db"));
        Flyway.configure().dataSource(history.dataSource).locations("classpath:db/kiosk").load().migrate();
        return history;
    }

    void add(HistoryEntry entry) {
        update("INSERT INTO session_history (session_id, finished_at, customer_reference, code, detail, manual_check, "
                + "liveness_id, upload_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entry.sessionId(), entry.time().toString(),
                entry.customerReference().orElse(null), entry.code(), entry.detail(), entry.manualCheck() ? 1 : 0,
                entry.livenessId().orElse(null), entry.upload().name());
    }

    /** A waiting session's evidence reached the service, which gave its verdict. */
    void delivered(String sessionId, String livenessId, boolean manualCheck) {
        update("UPDATE session_history SET liveness_id = ?, manual_check = ?, upload_state = ? WHERE session_id = ?",
                livenessId, manualCheck ? 1 : 0, HistoryEntry.UploadState.SENT.name(), sessionId);
    }

    /** A waiting session's evidence was refused for good by the service: its code is now the refusal's. */
    void refused(String sessionId, String code, String detail) {
        update("UPDATE session_history SET code = ?, detail = ?, upload_state = ? WHERE session_id = ?", code, detail,
                HistoryEntry.UploadState.REFUSED.name(), sessionId);
    }

    /**
     * The newest delivered manual checks, whose review the service can tell: decided ones too, since a
     * later decision may supersede the one the kiosk knows.
     */
    List<String> reviewable() {
        List<String> sessionIds = new ArrayList<>();
        query("SELECT session_id FROM session_history WHERE manual_check = 1 AND upload_state = '" + HistoryEntry.UploadState.SENT.name()
                + "' ORDER BY finished_at DESC LIMIT " + KioskApi.ReviewsRequest.MAX_REVIEWS, rows -> sessionIds.add(rows.getString(1)));
        return sessionIds;
    }

    /** The bank's review of a session, as the service told it now. */
    void reviewed(String sessionId, HistoryEntry.Review review) {
        update("UPDATE session_history SET review_status = ?, review_decided_at = ?, review_reason = ? WHERE session_id = ?",
                review.status().name(), review.decidedAt().map(Instant::toString).orElse(null), review.reason().orElse(null), sessionId);
    }

    /** The latest sessions, newest first. */
    List<HistoryEntry> latest() {
        List<HistoryEntry> entries = new ArrayList<>();
        query("SELECT session_id, finished_at, customer_reference, code, detail, manual_check, liveness_id, upload_state, "
                + "review_status, review_decided_at, review_reason FROM session_history ORDER BY finished_at DESC LIMIT " + SHOWN,
                rows -> entries.add(entry(rows)));
        return entries;
    }

    private static HistoryEntry entry(ResultSet row) throws SQLException {
        Optional<String> reviewStatus = Optional.ofNullable(row.getString(9));
        Optional<Instant> decidedAt = Optional.ofNullable(row.getString(10)).map(Instant::parse);
        Optional<String> reason = Optional.ofNullable(row.getString(11));
        return new HistoryEntry(row.getString(1), Instant.parse(row.getString(2)), Optional.ofNullable(row.getString(3)),
                row.getString(4), row.getString(5), row.getInt(6) == 1, Optional.ofNullable(row.getString(7)),
                HistoryEntry.UploadState.valueOf(row.getString(8)), reviewStatus.map(status -> new HistoryEntry.Review(
                        HistoryEntry.ReviewStatus.valueOf(status), decidedAt, reason)));
    }

    /** One row of an answer. */
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The session history cannot be read: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The session history cannot be written: " + e.getMessage(), e);
        }
    }
}
