package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.ui.PinLock;

/**
 * The operator PIN's lock survives a restart: the wrong PINs are kept with their times in the
 * data folder, owner-only, and a kiosk started again reads them. A file tampered with locks.
 */
class PinLockFileTest {

    @TempDir
    Path data;

    @Test
    void fiveWrongPinsStayLockedAfterARestart() throws Exception {
        PinLock lock = PinLock.open();
        for (int wrong = 0; wrong < PinLock.WRONG_PINS_ALLOWED; wrong++) {
            lock = lock.failed(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
        new PinLockFile(data).write(lock);

        PinLock restarted = new PinLockFile(data).read();
        assertEquals(lock, restarted);
        assertTrue(restarted.lockedFor(Instant.now()).isPresent(), "a restart gives no new tries");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(PinLockFile.NAME))));
    }

    @Test
    void noFileIsAnOpenPromptAndADamagedOneALockedPrompt() throws Exception {
        assertEquals(PinLock.open(), new PinLockFile(data).read());
        Files.writeString(data.resolve(PinLockFile.NAME), "{\"failuresEpochMs\": \"open sesame\"");
        assertTrue(new PinLockFile(data).read().lockedFor(Instant.now()).isPresent());
    }
}
