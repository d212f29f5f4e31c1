package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.livenesskiosk.crypto.SecureFiles;

/**
 * One kiosk process per data folder: two would share the camera, the outbox and the history. The
 * lock is the operating system's lock on {@code kiosk.lock} in the folder, which it releases when
 * the process ends, however it ends: a crashed kiosk leaves no stale lock behind. The file itself
 * names the holder (process id, command, start time) for the message of the one refused.
 */
public final class InstanceLock implements AutoCloseable {

    static final String FILE = "kiosk.lock";
    /**
     * The byte locked lies far past the holder's text, so that the text stays readable to the
     * process refused on systems whose locks forbid reading the locked range (Windows).
     */
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;
    private static final int MAX_HOLDER_BYTES = 512;

    /** Another kiosk process holds the data folder. */
    public static final class HeldElsewhere extends IOException {
        HeldElsewhere(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data folder for this process.
     *
     * @param command the command this process runs, named to the one refused
     * @throws HeldElsewhere when another process (or this one, already) holds it
     */
    public static InstanceLock acquire(Path dataDirectory, String command) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        SecureFiles.ownerOnly(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock(LOCKED_BYTE, 1, false);
        } catch (OverlappingFileLockException heldByThisProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new HeldElsewhere("Liveness Kiosk is already running on " + dataDirectory.toAbsolutePath() + " ("
                    + (holder.isBlank() ? "another process" : holder) + "): use that one, or close it before starting another");
        }
        ProcessHandle self = ProcessHandle.current();
        String holder = "pid " + self.pid() + ", " + command + self.info().startInstant().map(start -> ", started " + start).orElse("");
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new InstanceLock(channel, lock);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(MAX_HOLDER_BYTES);
        channel.read(text, 0);
        return new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
