package org.livenesskiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.FaceZone;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.testdata.Display;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.stage.Stage;

/** Plays the kiosk behind the screens: the test says what the session does. */
final class ScriptedBackend implements KioskBackend {
    /** Where a scripted session wants the face: 0.16 to 0.32 of the frame wide, centred. */
    static final FaceZone ZONE = new FaceZone(0.16, 0.32, 0.2, 0.25);
    /** A long bank name and notice address, for the consent's longest layout. */
    static final String BANK = "Bank Rakyat Contoh Internasional Tbk";
    static final String NOTICE = "https://www.bank-rakyat-contoh.example/privacy/kiosk-face-check";
    volatile KioskSettings settings;
    volatile SessionRequest request;
    volatile SessionListener listener;
    volatile int starts;
    volatile PinLock pinLock = PinLock.open();
    volatile Authorization authorization = new Authorization(Optional.empty(), Optional.of(LivenessError.NO_RESPONSE),
            Optional.empty());
    /** What the service says it keeps: the longest consent, with both numbers. */
    volatile Optional<DataKept> dataKept = Optional.of(new DataKept(OptionalInt.of(180), 30));
    /** The sessions the kiosk keeps, as it last knew them. */
    volatile List<HistoryEntry> history = List.of();
    /** The same, once the service told the bank's review: empty when the service cannot be reached. */
    volatile Optional<List<HistoryEntry>> reviewed = Optional.empty();
    final AtomicBoolean cancelled = new AtomicBoolean();
    final List<KioskSettings> saved = new ArrayList<>();
    /** The console's "Check ID photo" under way: the test tells it what the camera sees. */
    volatile IdPhotoListener idPhoto;
    final AtomicBoolean idPhotoStopped = new AtomicBoolean();

    /** A kiosk window in front of this backend, with these settings, at this size. */
    Stage showWindow(KioskSettings shown, int width, int height) throws Exception {
        Display.required();
        Stage stage = Display.newWindow();
        FxToolkit.cleanupStages();
        settings = shown;
        FxToolkit.setupFixture(() -> {
            new KioskWindow(stage, this, false, () -> { }).show();
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    void act(ActionType action) {
        listener.update(new SessionUpdate(SessionState.ACTING, 1, 2, Optional.of(action),
                Optional.of(Prompt.forAction(action)), 8_000, Optional.empty(), List.of(), Optional.empty(),
                OptionalDouble.empty(), ZONE));
    }

    /** A step of the far/near stage ({@code FAR} or {@code NEAR}): its prompt, and the face's width it asks for. */
    void farNear(SessionState step, double faceWidth) {
        listener.update(new SessionUpdate(step, 0, 2, Optional.empty(),
                Optional.of(step == SessionState.FAR ? Prompt.FAR_FACE : Prompt.NEAR_FACE), 20_000, Optional.empty(), List.of(),
                Optional.empty(), OptionalDouble.of(faceWidth), ZONE));
    }

    /** The light step begins: its prompt, every action done. */
    void light() {
        listener.update(new SessionUpdate(SessionState.LIGHT, 2, 2, Optional.empty(), Optional.of(Prompt.LIGHT), 9_000,
                Optional.empty(), List.of(), Optional.empty(), OptionalDouble.empty(), ZONE));
    }

    /**
     * The light step's colours, handed to the screen as the kiosk does (off the UI thread); what the
     * screen tells it showed, in the session's time (here the monotonic clock's milliseconds).
     */
    CompletableFuture<List<LightSequence.Shown>> showLight(LightSequence sequence) {
        CompletableFuture<List<LightSequence.Shown>> shown = new CompletableFuture<>();
        listener.showLight(sequence, nanos -> nanos / 1_000_000, shown::complete);
        return shown;
    }

    void finish(KioskOutcome outcome) {
        listener.finished(outcome);
    }

    @Override
    public RunningSession start(SessionRequest started, SessionListener told) {
        request = started;
        listener = told;
        cancelled.set(false);
        starts++;
        return () -> cancelled.set(true);
    }

    @Override
    public KioskSettings settings() {
        return settings;
    }

    @Override
    public CompletableFuture<Void> save(KioskSettings changed) {
        synchronized (saved) {
            saved.add(changed);
        }
        settings = changed;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<HistoryEntry>> history() {
        return CompletableFuture.completedFuture(history);
    }

    /** As the kiosk does: the history as last known when the service cannot be reached. */
    @Override
    public CompletableFuture<List<HistoryEntry>> reviewedHistory() {
        return CompletableFuture.completedFuture(reviewed.orElse(history));
    }

    @Override
    public CompletableFuture<List<PendingUpload>> pendingUploads() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<Void> sendPendingUploads() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Authorization> authorization() {
        return CompletableFuture.completedFuture(authorization);
    }

    @Override
    public CompletableFuture<Optional<DataKept>> dataKept() {
        return CompletableFuture.completedFuture(dataKept);
    }

    @Override
    public CompletableFuture<PinLock> pinLock() {
        return CompletableFuture.completedFuture(pinLock);
    }

    @Override
    public CompletableFuture<Void> keepPinLock(PinLock kept) {
        pinLock = kept;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CameraPreview showCamera(String source, PreviewFrames frames, Consumer<String> failed) {
        failed.accept("No camera here");
        return () -> { };
    }

    @Override
    public CameraPreview checkIdPhoto(String source, PreviewFrames frames, IdPhotoListener listener) {
        idPhoto = listener;
        idPhotoStopped.set(false);
        return () -> idPhotoStopped.set(true);
    }

    @Override
    public CompletableFuture<List<String>> cameras() {
        return CompletableFuture.completedFuture(List.of("camera:0"));
    }

    @Override
    public String version() {
        return "test";
    }
}
