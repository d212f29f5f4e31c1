package org.livenesskiosk.ui;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.livenesskiosk.liveness.IdCardCapture;
import org.livenesskiosk.liveness.LivenessError;

/**
 * What the screens ask of the rest of the kiosk. Every call returns at once: the work runs on the
 * kiosk's own threads and answers through a listener or a future, so the UI thread never waits for
 * the camera, the vision pipeline, the disk or the network.
 */
public interface KioskBackend {

    /** A session under way. */
    interface RunningSession {
        /** Ends the session with USER_GIVE_UP before its next frame. */
        void cancel();
    }

    /** Opens the camera and runs one session, then delivers its evidence; tells the listener of each step. */
    RunningSession start(SessionRequest request, SessionListener listener);

    KioskSettings settings();

    /** Keeps the operator's settings; the next session uses them. */
    CompletableFuture<Void> save(KioskSettings settings);

    /** This kiosk's sessions, newest first. */
    CompletableFuture<List<HistoryEntry>> history();

    /**
     * This kiosk's sessions, newest first, once the service said how the bank's review of its manual
     * checks stands; as last known when the service cannot be reached.
     */
    CompletableFuture<List<HistoryEntry>> reviewedHistory();

    /** The sessions whose evidence waits in the outbox, oldest first. */
    CompletableFuture<List<PendingUpload>> pendingUploads();

    /** Sends what waits in the outbox now. */
    CompletableFuture<Void> sendPendingUploads();

    /** The service's certificate as the kiosk last saw it: who it names, and until when it is valid. */
    record ServiceCertificate(String subject, Instant expires) {
    }

    /**
     * Whether the service authorizes this kiosk: until when, or the code saying why not; and the
     * certificate the service showed, over HTTPS.
     */
    record Authorization(Optional<Instant> until, Optional<LivenessError> refusal, Optional<ServiceCertificate> certificate) {
    }

    /** Asks the service for an authorization now. */
    CompletableFuture<Authorization> authorization();

    /**
     * How long the service keeps a customer's data, in its own numbers: what the consent states.
     *
     * @param retentionDays    days until a result's images are deleted; empty when they stay until the bank deletes the result
     * @param replayWindowDays days the face's digital summary stays, to spot a repeated attempt
     */
    record DataKept(OptionalInt retentionDays, int replayWindowDays) {
    }

    /** How long the service keeps a customer's data, as it last said (never waiting for it); empty when it has not said. */
    CompletableFuture<Optional<DataKept>> dataKept();

    /** A camera shown in the operator console. */
    interface CameraPreview {
        void stop();
    }

    /**
     * Shows a camera (or clip) in the console: its frames go to {@code frames} until stopped. A
     * camera that cannot be opened, or stops, is reported to {@code failed} with the reason.
     */
    CameraPreview showCamera(String source, PreviewFrames frames, Consumer<String> failed);

    /** What "Check ID photo" tells the console, from the camera's thread. */
    interface IdPhotoListener {
        /** The instruction for the customer holding their card changed; {@code CAPTURED} when the portrait is kept. */
        void guidance(IdCardCapture.Guidance guidance);

        /** The camera could not be opened, or stopped, before the portrait was captured. */
        void failed(String reason);
    }

    /**
     * "Check ID photo": plays a camera (or clip) in the console, its frames to {@code frames}, and
     * guides the customer's identity card until its portrait is captured. The kiosk keeps the
     * portrait (never the screens) and sends it with the next customer's session.
     */
    CameraPreview checkIdPhoto(String source, PreviewFrames frames, IdPhotoListener listener);

    /** The wrong operator PINs kept from before (the lock survives a restart). */
    CompletableFuture<PinLock> pinLock();

    /** Keeps the wrong operator PINs with their times, owner-only. */
    CompletableFuture<Void> keepPinLock(PinLock lock);

    /** The cameras the drivers see, named as a source. */
    CompletableFuture<List<String>> cameras();

    String version();
}
