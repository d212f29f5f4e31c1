package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.livenesskiosk.crypto.SecureFiles;
import org.livenesskiosk.ui.KioskSettings;

/**
 * Session recordings, when the operator turns them on: for troubleshooting a problem seen today,
 * and biometric data, so each is deleted a day after it was made.
 */
final class Recordings {

    private static final Duration KEPT = Duration.ofDays(KioskSettings.RECORDING_DAYS);

    private final Path folder;

    Recordings(Path dataDirectory) {
        this.folder = dataDirectory.resolve("recordings");
    }

    /** Where this session is recorded; makes the folder. */
    Path of(String sessionId) throws IOException {
        return SecureFiles.directories(folder).resolve(sessionId + ".avi");
    }

    void deleteOld() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Instant oldest = Instant.now().minus(KEPT);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(oldest)) {
                    Files.delete(file);
                }
            }
        }
    }
}
