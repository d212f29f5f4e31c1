package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskOutcome;
import org.livenesskiosk.ui.PreviewFrames;

/** The kiosk behind its window: a customer's result is never lost, and what the operator asked for is kept. */
class KioskTest {

    @TempDir
    Path folder;

    private LivenessServer server;
    private Kiosk kiosk;

    @AfterEach
    void close() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aResultTheServiceCouldNotTakeWaitsInTheOutboxAndIsSentLater() throws Exception {
        server = ClipKiosk.service(folder.resolve("service"), 0);
        int port = server.port();
        kiosk = kiosk(false);

        // The service goes away while the customer finishes: between the authorization and the upload.
        KioskOutcome outcome = session(() -> server.close());

        assertTrue(outcome.passed(), outcome.toString());
        assertTrue(outcome.livenessId().isEmpty());
        String sessionId = outcome.pendingUpload().orElseThrow();
        assertEquals(Optional.of(LivenessError.CHECKING_BAD_NETWORK), outcome.error());
        assertEquals(HistoryEntry.UploadState.WAITING, kiosk.history().get(10, TimeUnit.SECONDS).get(0).upload());
        assertEquals(sessionId, kiosk.pendingUploads().get(10, TimeUnit.SECONDS).get(0).sessionId());

        server = ClipKiosk.service(folder.resolve("service"), port);
        kiosk.sendPendingUploads().get(30, TimeUnit.SECONDS);

        HistoryEntry sent = kiosk.history().get(10, TimeUnit.SECONDS).get(0);
        assertEquals(HistoryEntry.UploadState.SENT, sent.upload());
        assertTrue(sent.livenessId().isPresent());
        assertEquals(List.of(), kiosk.pendingUploads().get(10, TimeUnit.SECONDS));
    }

    @Test
    void aRecordedSessionCanBeReplayed() throws Exception {
        server = ClipKiosk.service(folder.resolve("service"), 0);
        kiosk = kiosk(true);

        KioskOutcome outcome = session(() -> { });

        assertTrue(outcome.livenessId().isPresent(), outcome.toString());
        try (var recordings = Files.list(folder.resolve("data/recordings"))) {
            Path recording = recordings.findFirst().orElseThrow();
            assertTrue(Files.size(recording) > 100_000, recording + " holds the session's frames");
        }
    }

    @Test
    void theActionsGivenOnTheCommandLineAreWhatTheEmbeddedServiceAsks() throws Exception {
        // The settings ask for the mouth and a blink; the d18 clip's one blink is too shallow to see.
        kiosk = ClipKiosk.open(folder, ClipKiosk.settings("", 10, false),
                SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi").toString(), Optional.of(List.of(ActionType.MOUTH)));
        List<ActionType> asked = new CopyOnWriteArrayList<>();

        KioskOutcome outcome = session(() -> { }, update -> update.action().filter(action -> !asked.contains(action))
                .ifPresent(asked::add));

        assertEquals(List.of(ActionType.MOUTH), asked);
        assertTrue(outcome.livenessId().isPresent(), outcome.toString());
    }

    @Test
    void aScreenStillAskingAsTheKioskClosesGetsNoAnswerAndNoError() throws Exception {
        server = ClipKiosk.service(folder.resolve("service"), 0);
        kiosk = kiosk(false);
        kiosk.close();

        // The welcome screen asks for each new customer; its timer may fire as the window closes.
        assertTrue(kiosk.dataKept().isCompletedExceptionally());
        assertTrue(kiosk.sendPendingUploads().isCompletedExceptionally());
    }

    private Kiosk kiosk(boolean record) throws Exception {
        return ClipKiosk.open(folder, ClipKiosk.enrolling(server, 10, record),
                SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi").toString());
    }

    /** Runs one session to its end; {@code whenVerifying} runs when the customer is done, before the upload. */
    private KioskOutcome session(Runnable whenVerifying) throws Exception {
        return session(whenVerifying, update -> { });
    }

    /** As {@link #session(Runnable)}, showing {@code updated} every update of the session. */
    private KioskOutcome session(Runnable whenVerifying, Consumer<SessionUpdate> updated) throws Exception {
        PreviewFrames preview = new PreviewFrames();
        KioskOutcome outcome = ClipKiosk.session(kiosk, preview, whenVerifying, updated);
        // The shortest session here, the mouth alone, is 3.2 s of a 30 fps clip: 97 frames.
        assertTrue(preview.offeredFrames() > 90, "every analysed frame went to the preview: " + preview.offeredFrames());
        return outcome;
    }
}
