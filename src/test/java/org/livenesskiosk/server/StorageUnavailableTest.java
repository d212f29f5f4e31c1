package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Which failures are the disk's (answered SERVICE_BUSY) and which are not (still an error): the
 * SQLite cases DiskFullServiceTest meets on a real disk, and the PostgreSQL and file cases it does not.
 */
class StorageUnavailableTest {

    @Test
    void sqliteFullReadOnlyOrFailingToWriteIsTheDisks() {
        for (SQLiteErrorCode code : new SQLiteErrorCode[] {SQLiteErrorCode.SQLITE_FULL, SQLiteErrorCode.SQLITE_READONLY,
                SQLiteErrorCode.SQLITE_IOERR_SHMSIZE, SQLiteErrorCode.SQLITE_IOERR_WRITE, SQLiteErrorCode.SQLITE_CANTOPEN}) {
            // As Store throws it: the driver's exception inside its own.
            assertEquals(Optional.of(code.name()), StorageUnavailable.reason(
                    new IllegalStateException("The service's storage failed", new SQLiteException("x", code))));
        }
    }

    @Test
    void postgresqlsDiskFullAndReadOnlyStatesAreTheDisks() {
        assertEquals(Optional.of("SQL state 53100"), StorageUnavailable.reason(new SQLException("disk full", "53100")));
        assertEquals(Optional.of("SQL state 25006"), StorageUnavailable.reason(new SQLException("read-only transaction", "25006")));
    }

    @Test
    void aFileTheDiskRefusedIsTheDisks() {
        assertEquals(Optional.of("No space left on device"),
                StorageUnavailable.reason(new FileSystemException("/data/key", null, "No space left on device")));
        assertEquals(Optional.of("Read-only file system"),
                StorageUnavailable.reason(new FileSystemException("/data/key", null, "Read-only file system")));
    }

    @Test
    void anythingElseIsNot() {
        assertEquals(Optional.empty(), StorageUnavailable.reason(new SQLiteException("x", SQLiteErrorCode.SQLITE_CONSTRAINT)));
        assertEquals(Optional.empty(), StorageUnavailable.reason(new SQLException("unique violation", "23505")));
        assertEquals(Optional.empty(), StorageUnavailable.reason(new AccessDeniedException("/data/key")));
        assertEquals(Optional.empty(), StorageUnavailable.reason(new IllegalStateException("The result could not be stored")));
    }
}
