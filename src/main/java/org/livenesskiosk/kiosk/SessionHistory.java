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

    /** The latest sessions, newest first. */
    List<HistoryEntry> latest() {
        String sql = "SELECT session_id, finished_at, customer_reference, code, detail, manual_check, liveness_id, upload_state "
                + "FROM session_history ORDER BY finished_at DESC LIMIT " + SHOWN;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<HistoryEntry> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(new HistoryEntry(rows.getString(1), Instant.parse(rows.getString(2)),
                        Optional.ofNullable(rows.getString(3)), rows.getString(4), rows.getString(5), rows.getInt(6) == 1,
                        Optional.ofNullable(rows.getString(7)), HistoryEntry.UploadState.valueOf(rows.getString(8))));
            }
            return entries;
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
