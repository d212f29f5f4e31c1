package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.livenesskiosk.crypto.SecureFiles;
import org.livenesskiosk.ui.PinLock;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * The wrong operator PINs, with their times, in {@code pin-lock.json} in the kiosk's data folder,
 * readable by the kiosk's user only: the lock holds across a restart. A damaged or altered file
 * locks the prompt (as five wrong PINs just now would) rather than opening it.
 */
final class PinLockFile {

    static final String NAME = "pin-lock.json";
    private static final Gson GSON = new Gson();

    private final Path file;

    PinLockFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(NAME);
    }

    private record Stored(long[] failuresEpochMs) {
    }

    PinLock read() throws IOException {
        if (!Files.exists(file)) {
            return PinLock.open();
        }
        try {
            Stored stored = GSON.fromJson(Files.readString(file), Stored.class);
            List<Instant> failures = new ArrayList<>();
            for (long epochMs : stored.failuresEpochMs()) {
                failures.add(Instant.ofEpochMilli(epochMs));
            }
            return new PinLock(failures);
        } catch (JsonParseException | NullPointerException | DateTimeException e) {
            return lockedNow();
        }
    }

    void write(PinLock lock) throws IOException {
        SecureFiles.directories(file.toAbsolutePath().getParent());
        long[] epochMs = lock.failures().stream().mapToLong(Instant::toEpochMilli).toArray();
        SecureFiles.write(file, GSON.toJson(new Stored(epochMs)).getBytes(StandardCharsets.UTF_8));
    }

    private static PinLock lockedNow() {
        PinLock lock = PinLock.open();
        for (int wrong = 0; wrong < PinLock.WRONG_PINS_ALLOWED; wrong++) {
            lock = lock.failed(Instant.now());
        }
        return lock;
    }

    Path path() {
        return file;
    }
}
