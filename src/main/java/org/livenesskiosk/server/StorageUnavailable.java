package org.livenesskiosk.server;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A failure that is the disk's, not the service's: its data folder or database full, read-only, or
 * failing to write. The service answers it {@code SERVICE_BUSY}, so that a kiosk keeps the upload
 * in its outbox and comes back, and takes requests again as soon as the disk does (each request
 * opens its own connection: nothing stays broken).
 */
final class StorageUnavailable {

    /** SQLite's primary result codes for a disk that cannot take a write (the extended codes keep them in the low byte). */
    private static final Set<Integer> SQLITE_DISK = Set.of(SQLiteErrorCode.SQLITE_FULL.code, SQLiteErrorCode.SQLITE_READONLY.code,
            SQLiteErrorCode.SQLITE_IOERR.code, SQLiteErrorCode.SQLITE_CANTOPEN.code);
    /** PostgreSQL's SQL states for the same: disk full, the database read-only (a standby, or set so), an I/O error. */
    private static final Set<String> POSTGRESQL_DISK = Set.of("53100", "25006", "58030");
    /** What the JDK's own file calls say on Linux and macOS (no errno reaches Java). */
    private static final Set<String> FILE_DISK = Set.of("No space left on device", "Read-only file system", "Disk quota exceeded");

    private StorageUnavailable() {
    }

    /** Why {@code failure}, or one of its causes, is the disk's; empty when it is anything else. */
    static Optional<String> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && SQLITE_DISK.contains(sqlite.getResultCode().code & 0xff)) {
                return Optional.of(sqlite.getResultCode().name());
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && POSTGRESQL_DISK.contains(sql.getSQLState())) {
                return Optional.of("SQL state " + sql.getSQLState());
            }
            if (cause instanceof FileSystemException file && file.getReason() != null && FILE_DISK.contains(file.getReason())) {
                return Optional.of(file.getReason());
            }
        }
        return Optional.empty();
    }
}
