package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.livenesskiosk.liveness.KioskCode;
import org.livenesskiosk.protocol.UploadRequest;

/**
 * Whether the data disk can keep one more session, asked before its capture: a session's evidence
 * waits in the outbox until the service has it, so a session the disk could not keep is refused
 * before the customer does anything, never lost after. What is already in the outbox is not touched.
 *
 * @param usableBytes what the disk has free for this kiosk
 * @param neededBytes what one session may write: the largest upload a service takes, again for its
 *                    recording when the operator keeps recordings, and what the kiosk writes besides
 * @param readOnly    the disk takes no writes at all
 */
public record SessionSpace(long usableBytes, long neededBytes, boolean readOnly) {

    /** Besides the evidence: the history's row and SQLite's journal, the latest result, the settings. */
    private static final long BESIDES_EVIDENCE = 4L << 20;
    private static final long MB = 1L << 20;

    /** The space for a session on the disk of {@code dataDirectory}; {@code recording} when sessions are recorded too. */
    public static SessionSpace of(Path dataDirectory, boolean recording) throws IOException {
        FileStore disk = Files.getFileStore(dataDirectory);
        long needed = UploadRequest.MAX_BYTES * (recording ? 2 : 1) + BESIDES_EVIDENCE;
        return new SessionSpace(disk.getUsableSpace(), needed, disk.isReadOnly());
    }

    /**
     * Why no session may start, in the operator's words, with the kiosk's own code first
     * ({@link KioskCode}: docs/kiosk.md); empty when one may.
     */
    public Optional<String> refusal(Path dataDirectory) {
        if (readOnly) {
            return Optional.of(KioskCode.KIOSK_DISK_READ_ONLY + ": this kiosk's data disk (" + dataDirectory + ") takes no writes: no session "
                    + "starts until it does (check the disk; a restart may remount it). Sessions waiting in the outbox are kept.");
        }
        if (usableBytes < neededBytes) {
            return Optional.of(KioskCode.KIOSK_DISK_FULL + ": this kiosk's data disk (" + dataDirectory + ") has " + usableBytes / MB
                    + " MB free and a session needs up to " + divideUp(neededBytes) + " MB to keep its evidence until the service "
                    + "has it: no session starts until space is freed on that disk. Sessions waiting in the outbox are kept.");
        }
        return Optional.empty();
    }

    private static long divideUp(long bytes) {
        return (bytes + MB - 1) / MB;
    }
}
