package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.capture.CaptureSettings;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.IdCardCapture.Guidance;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.protocol.OpenApi;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.IdCards;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskBackend;
import org.livenesskiosk.ui.KioskOutcome;
import org.livenesskiosk.ui.PreviewFrames;

/**
 * The kiosk behind its window: a customer's result is never lost, what the operator asked for is kept, and the ID
 * photo the operator had captured goes with the next session only.
 */
class KioskTest {

    private static final String MOUTH_CLIP = "liveportrait_d18_man_yawn_mouth_open.avi";

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
                SharedData.video(MOUTH_CLIP).toString(), Optional.of(List.of(ActionType.MOUTH)));
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

    /** The man of the session's clip, as his card's photo: a frame of the clip. */
    private Path photoOfTheSessionsMan() throws Exception {
        Path photo = folder.resolve("photo.png");
        try (FrameSource clip = FrameSources.open(SharedData.video(MOUTH_CLIP).toString(), CaptureSettings.defaults())) {
            for (Optional<Frame> next = clip.next(); next.isPresent(); next = clip.next()) {
                try (Frame frame = next.get()) {
                    if (frame.index() == 200) {
                        assertTrue(opencv_imgcodecs.imwrite(photo.toString(), frame.image()));
                        return photo;
                    }
                }
            }
        }
        throw new AssertionError(MOUTH_CLIP + " has no frame 200");
    }

    /** A customer walking up: no card, then the card blurred as it moves, then held still (a second at 30 frames a second). */
    private Path cardHeldToTheCamera() throws Exception {
        Path scene = SharedData.image("noface_fivek_a1956_windmill_N1.5.jpg");
        Path photo = photoOfTheSessionsMan();
        List<Mat> frames = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            frames.add(IdCards.frame(scene, photo, i < 5 ? IdCards.Held.NOTHING : i < 10 ? IdCards.Held.BLURRED_CARD : IdCards.Held.CARD));
        }
        return IdCards.folder(Files.createDirectories(folder.resolve("card")), frames.toArray(Mat[]::new));
    }

    /**
     * "Check ID photo" end to end: the console's capture guides a card made from real pictures, played as a folder of
     * frames, until its portrait is captured; the next session's upload carries it to the service, which compares it
     * with the session's best image; the session after carries none.
     */
    @Test
    void theConsoleCapturesTheCardsPortraitAndTheNextSessionCarriesIt() throws Exception {
        server = ClipKiosk.service(folder.resolve("service"), 0);
        kiosk = kiosk(false);
        List<Guidance> said = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> captured = new CompletableFuture<>();
        PreviewFrames preview = new PreviewFrames();

        kiosk.checkIdPhoto(cardHeldToTheCamera().toString(), preview, new KioskBackend.IdPhotoListener() {
            @Override
            public void guidance(Guidance guidance) {
                said.add(guidance);
                if (guidance == Guidance.CAPTURED) {
                    captured.complete(null);
                }
            }

            @Override
            public void failed(String reason) {
                captured.completeExceptionally(new AssertionError(reason + " after " + said));
            }
        });
        captured.get(60, TimeUnit.SECONDS);

        assertEquals(List.of(Guidance.NO_CARD, Guidance.BLUR, Guidance.HOLD_STILL, Guidance.CAPTURED), said);
        assertTrue(preview.offeredFrames() > 15 && preview.offeredFrames() < 35,
                "the console showed the card until it was captured, and the camera stopped: " + preview.offeredFrames());
        String livenessId = passed();
        LivenessClient bank = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(30));
        String token = bank.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        OpenApi.CompareAnswer answer = bank.compare(token, livenessId, null);
        assertTrue(answer.match(), "the card's portrait is the session's man: similarity " + answer.similarity());

        String next = passed();
        ServiceCallException none = assertThrows(ServiceCallException.class, () -> bank.compare(token, next, null));
        assertEquals("PARAMETER_ERROR", none.serviceCode(), "the next customer's session carries no one's portrait");
    }

    /** A session that got its livenessId. */
    private String passed() throws Exception {
        KioskOutcome outcome = session(() -> { });
        return outcome.livenessId().orElseThrow(() -> new AssertionError(outcome.toString()));
    }

    private Kiosk kiosk(boolean record) throws Exception {
        return ClipKiosk.open(folder, ClipKiosk.enrolling(server, 10, record), SharedData.video(MOUTH_CLIP).toString());
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
