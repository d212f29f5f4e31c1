package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.crypto.Sha256;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.testdata.SmallDisk;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskOutcome;
import org.livenesskiosk.ui.PreviewFrames;

/**
 * The kiosk's data on a real small disk (a tmpfs): nearly full, or read-only, it refuses a new
 * session before the capture, in words the operator reads, and the session already waiting in its
 * outbox stays as it was, to be delivered when the service is back.
 */
class DiskFullKioskTest {

    @TempDir
    Path folder;

    private LivenessServer server;
    private Kiosk kiosk;
    private SmallDisk disk;

    @AfterEach
    void close() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        if (server != null) {
            server.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    @Timeout(180)
    void aNearlyFullDiskRefusesTheNextSessionAndKeepsTheOutbox() throws Exception {
        String clip = SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi").toString();
        disk = SmallDisk.mount(folder.resolve("disk"), 64);
        server = ClipKiosk.service(folder.resolve("service"), 0);
        int port = server.port();
        kiosk = ClipKiosk.open(disk.folder(), ClipKiosk.enrolling(server, 10, false), clip);

        // A customer's session waits in the outbox: the service went away before its upload.
        KioskOutcome waiting = ClipKiosk.session(kiosk, new PreviewFrames(), () -> server.close(), update -> { });
        String sessionId = waiting.pendingUpload().orElseThrow(() -> new AssertionError(waiting.toString()));
        Path outbox = disk.folder().resolve("data").resolve("outbox");
        Map<Path, String> kept = uploads(outbox);
        assertEquals(1, kept.size(), kept.toString());

        // Less free than one session's evidence may need: the next customer is turned away before the camera starts.
        disk.fillLeaving(8L << 20);
        assertRefused("KIOSK_DISK_FULL: this kiosk's data disk");
        assertEquals(kept, uploads(outbox));

        disk.free();
        disk.readOnly(true);
        assertRefused("KIOSK_DISK_READ_ONLY: this kiosk's data disk");
        assertEquals(kept, uploads(outbox));
        disk.readOnly(false);

        // The service is back: the session that waited through it all is delivered.
        server = ClipKiosk.service(folder.resolve("service"), port);
        kiosk.sendPendingUploads().get(30, TimeUnit.SECONDS);
        HistoryEntry sent = kiosk.history().get(10, TimeUnit.SECONDS).stream()
                .filter(entry -> entry.sessionId().equals(sessionId)).findFirst().orElseThrow();
        assertEquals(HistoryEntry.UploadState.SENT, sent.upload());
        assertEquals(List.of(), kiosk.pendingUploads().get(10, TimeUnit.SECONDS));
    }

    private void assertRefused(String words) throws Exception {
        PreviewFrames preview = new PreviewFrames();
        long started = System.nanoTime();
        KioskOutcome refused = ClipKiosk.session(kiosk, preview, () -> { }, update -> { });
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Optional.of(LivenessError.UNDEFINED), refused.error(), refused.toString());
        assertTrue(refused.detail().startsWith(words), refused.detail());
        assertTrue(refused.detail().contains("Sessions waiting in the outbox are kept"), refused.detail());
        assertEquals(0, preview.offeredFrames(), "no frame was captured");
        assertTrue(tookMs < 5_000, "refused at once, not after a session: " + tookMs + " ms");
    }

    /** Each outbox entry's digest: an entry changed, lost or added shows. */
    private static Map<Path, String> uploads(Path outbox) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".upload"))
                    .collect(Collectors.toMap(Path::getFileName, DiskFullKioskTest::digest));
        }
    }

    private static String digest(Path file) {
        try {
            return Sha256.hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
