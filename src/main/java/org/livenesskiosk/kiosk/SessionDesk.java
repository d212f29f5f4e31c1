package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.CaptureSettings;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.capture.PacedFrameSource;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.PassiveVerdict;
import org.livenesskiosk.liveness.SessionResult;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.pipeline.FrameClock;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.pipeline.SessionRunner;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.service.LatestResult;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.service.UploadQueue;
import org.livenesskiosk.ui.FaceTarget;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskBackend;
import org.livenesskiosk.ui.KioskOutcome;
import org.livenesskiosk.ui.KioskSettings;
import org.livenesskiosk.ui.SessionListener;
import org.livenesskiosk.ui.SessionRequest;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.ModelException;
import org.livenesskiosk.vision.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each customer's session runs, on the one analysis thread: the challenge from the service,
 * the camera through the vision pipeline and the session rules, the preview and prompts handed to
 * the screens, then the evidence delivered and the outcome kept in the history.
 */
final class SessionDesk implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDesk.class);

    private final ExecutorService analysis = Executors.newSingleThreadExecutor(DaemonThreads.named("analysis"));
    private final Supplier<KioskSettings> settings;
    private final Kiosk.Overrides overrides;
    private final Models models;
    private final ServiceLink service;
    private final SessionHistory history;
    private final Recordings recordings;
    private final Path dataDirectory;
    /** The identity card's portrait the operator had captured for the customer who starts next. */
    private final Supplier<Optional<byte[]>> documentPortrait;
    /** Analysis thread only: the models are loaded once, not per customer. */
    private FrameAnalyzer analyzer;
    /** Why the models could not be loaded, for the session's MODEL_ERROR; analysis thread only. */
    private String modelProblem = "";

    SessionDesk(Supplier<KioskSettings> settings, Kiosk.Overrides overrides, Models models, ServiceLink service,
                SessionHistory history, Path dataDirectory, Supplier<Optional<byte[]>> documentPortrait) {
        this.settings = settings;
        this.overrides = overrides;
        this.models = models;
        this.service = service;
        this.history = history;
        this.recordings = new Recordings(dataDirectory);
        this.dataDirectory = dataDirectory;
        this.documentPortrait = documentPortrait;
    }

    /** Deletes old recordings now. */
    void tidy() throws IOException {
        recordings.deleteOld();
    }

    /** Loads and checks the models before the first customer: a missing or altered one shows at start. */
    void loadModels() {
        analysis.execute(this::analyzer);
    }

    private Optional<FrameAnalyzer> analyzer() {
        try {
            if (analyzer == null) {
                analyzer = new FrameAnalyzer(models);
            }
            return Optional.of(analyzer);
        } catch (ModelException e) {
            modelProblem = e.getMessage();
            LOG.error("MODEL_ERROR: {}", modelProblem);
            return Optional.empty();
        }
    }

    KioskBackend.RunningSession start(SessionRequest request, SessionListener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        analysis.execute(() -> {
            String sessionId = UUID.randomUUID().toString();
            // Taken as the session starts, whatever its end: a portrait never waits for another customer's session.
            Optional<byte[]> portrait = documentPortrait.get();
            KioskOutcome outcome;
            try {
                outcome = run(sessionId, request, portrait, listener, cancelled);
            } catch (RuntimeException e) {
                LOG.error("Session {} failed", sessionId, e);
                outcome = KioskOutcome.failed(LivenessError.UNDEFINED, e.toString());
            }
            remember(sessionId, request, outcome);
            listener.finished(outcome);
        });
        return () -> cancelled.set(true);
    }

    private KioskOutcome run(String sessionId, SessionRequest request, Optional<byte[]> portrait, SessionListener listener,
                             AtomicBoolean cancelled) {
        KioskSettings current = settings.get();
        try {
            Optional<String> noRoom = SessionSpace.of(dataDirectory, current.recordSessions()).refusal(dataDirectory);
            if (noRoom.isPresent()) {
                LOG.warn("Session {} not started: {}", sessionId, noRoom.get());
                return KioskOutcome.failed(LivenessError.UNDEFINED, noRoom.get());
            }
        } catch (IOException e) {
            return cannotKeepData(e);
        }
        String source = overrides.source().orElse(current.source());
        // A recorded clip cannot answer the screen's colours: by default only a camera's customer is shown them.
        boolean light = overrides.light().orElse(FrameSources.isCamera(source));
        KioskApi.ChallengeAnswer challenge;
        try {
            boolean operatorChose = !current.challengeFromService() || overrides.farNear().isPresent()
                    || overrides.actions().isPresent();
            challenge = service.challenge(localChallenge(current, overrides, light), operatorChose, overrides.distanceCm());
        } catch (ServiceCallException e) {
            return KioskOutcome.failed(e.error(), e.serviceCode() + ": " + e.getMessage());
        } catch (IOException e) {
            return cannotKeepData(e);
        }
        LivenessConfig config = challenge.toConfig().withDistance(overrides.distanceCm()[0], overrides.distanceCm()[1])
                .withLight(challenge.light() && light && request.flashesAllowed());
        LivenessSession session = new LivenessSession(config, challenge.actions());
        listener.target(FaceTarget.centred(config.farFaceSize(), config.nearFaceSize()));
        Optional<FrameAnalyzer> loaded = analyzer();
        if (loaded.isEmpty()) {
            return KioskOutcome.failed(LivenessError.MODEL_ERROR, modelProblem);
        }
        Optional<Path> record = Optional.empty();
        if (current.recordSessions()) {
            try {
                record = Optional.of(recordings.of(sessionId));
            } catch (IOException e) {
                return cannotKeepData(e);
            }
        }
        long startedNanos = System.nanoTime();
        FrameClock clock = new FrameClock();
        AtomicReference<List<LightSequence.Shown>> lightShown = new AtomicReference<>();
        AtomicBoolean lightAsked = new AtomicBoolean();
        SessionOutcome outcome = SessionRunner.recording(loaded.get(), config).run(
                () -> new PacedFrameSource(FrameSources.open(source, CaptureSettings.defaults())), record, session,
                new SessionRunner.Listener() {
                    @Override
                    public void arrived(long timestampMs, long nanos) {
                        clock.seen(timestampMs, nanos);
                    }

                    @Override
                    public void frame(Mat image, long timestampMs, SessionUpdate update) {
                        PreviewPixels.offer(image, listener.preview());
                        listener.update(update);
                        if (update.state() == SessionState.LIGHT && !lightAsked.getAndSet(true)) {
                            showLight(sessionId, challenge, clock, listener, lightShown::set);
                        }
                    }

                    @Override
                    public boolean cancelRequested() {
                        return cancelled.get();
                    }

                    @Override
                    public Optional<List<LightSequence.Shown>> lightShown() {
                        return Optional.ofNullable(lightShown.get());
                    }
                });
        // Whether the kiosk keeps up: a clip's frames should take as long as the clip, and all reach the screen.
        LOG.info("Session {}: {} after {} frames, {} ms of video in {} ms; preview {} of {} frames drawn; recording {} KB",
                sessionId, outcome.result().code(), outcome.frames(), outcome.result().durationMs(),
                (System.nanoTime() - startedNanos) / 1_000_000, listener.preview().drawnFrames(), listener.preview().offeredFrames(),
                outcome.recording().bytes() / 1024);
        SessionResult result = outcome.result();
        if (!result.success()) {
            return KioskOutcome.failed(result.error().orElseThrow(), result.detail());
        }
        listener.verifying();
        return deliver(sessionId, challenge, request, outcome, portrait);
    }

    /**
     * The light step began: its colours are asked of the service off the analysis thread, and shown
     * on the screen, which tells when each was really on it. Without the colours (no service, a
     * refusal) the screen shows none, the session ends without them, and the service leaves it to a person.
     */
    private void showLight(String sessionId, KioskApi.ChallengeAnswer challenge, FrameClock clock, SessionListener listener,
                           Consumer<List<LightSequence.Shown>> shown) {
        service.light(challenge.challengeId()).whenComplete((sequence, failure) -> {
            if (failure != null) {
                LOG.warn("Session {}: the light step's colours could not be had ({}); the session goes on without them", sessionId,
                        failure.getMessage());
                shown.accept(List.of());
            } else {
                listener.showLight(sequence, clock::sessionMs, shown);
            }
        });
    }

    /**
     * The challenge the operator set on this kiosk, unless they leave it to the service's account;
     * {@code kiosk --far-near}, {@code --actions} and {@code --light} set the embedded service's stage,
     * actions and light step either way.
     */
    private static ChallengeSettings localChallenge(KioskSettings current, Kiosk.Overrides overrides, boolean light) {
        Optional<Boolean> farNear = overrides.farNear();
        ChallengeSettings chosen = current.challengeFromService()
                ? farNear.map(on -> ChallengeSettings.defaults().withFarNear(on)).orElseGet(ChallengeSettings::defaults)
                : new ChallengeSettings(current.actions().stream().map(ActionType::name).toList(), current.shuffle(),
                        current.actionTimeLimitSeconds() * 1000L, current.prepareTimeLimitSeconds() * 1000L, current.level().name(),
                        current.resultImageSize(), farNear.orElse(true), LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS);
        return overrides.actions().map(actions -> chosen.withActions(actions.stream().map(ActionType::name).toList()))
                .orElse(chosen).withLight(light);
    }

    private KioskOutcome deliver(String sessionId, KioskApi.ChallengeAnswer challenge, SessionRequest request,
                                 SessionOutcome outcome, Optional<byte[]> portrait) {
        Optional<byte[]> best = Optional.ofNullable(outcome.images().get(EvidenceSlot.BEST));
        try {
            UploadQueue.Delivery delivery = service.deliver(sessionId, challenge, outcome, request.customerReference(), portrait);
            if (delivery.delivered()) {
                // The kiosk ran the same passive checks on the same frames: what it saw is shown at once, whatever the service says.
                boolean manualCheck = delivery.verdict() == KioskApi.Verdict.MANUAL_CHECK
                        || outcome.result().passiveVerdict() != PassiveVerdict.LIVE;
                return new KioskOutcome(Optional.empty(), outcome.result().detail(), Optional.of(delivery.livenessId()),
                        Optional.empty(), best, manualCheck, false);
            }
            ServiceCallException failure = delivery.failure();
            String why = failure.serviceCode() + ": " + failure.getMessage();
            if (delivery.refused()) {
                return new KioskOutcome(Optional.of(failure.error()), "refused by the service: " + why, Optional.empty(),
                        Optional.empty(), Optional.empty(), false, true);
            }
            return new KioskOutcome(Optional.of(failure.error()), why, Optional.empty(), Optional.of(sessionId), best, false, false);
        } catch (IOException e) {
            return cannotKeepData(e);
        } catch (ServiceCallException e) {
            return KioskOutcome.failed(e.error(), e.getMessage());
        }
    }

    private static KioskOutcome cannotKeepData(IOException e) {
        return KioskOutcome.failed(LivenessError.UNDEFINED, KioskService.cannotKeepData(e));
    }

    private void remember(String sessionId, SessionRequest request, KioskOutcome outcome) {
        String code = outcome.passed() ? HistoryEntry.SUCCESS : outcome.error().map(LivenessError::name).orElseThrow();
        HistoryEntry.UploadState upload = outcome.livenessId().isPresent() ? HistoryEntry.UploadState.SENT
                : outcome.pendingUpload().isPresent() ? HistoryEntry.UploadState.WAITING
                : outcome.uploadRefused() ? HistoryEntry.UploadState.REFUSED : HistoryEntry.UploadState.NONE;
        try {
            history.add(new HistoryEntry(sessionId, Instant.now(), request.customerReference(), code, outcome.detail(),
                    outcome.manualCheck(), outcome.livenessId(), upload, Optional.empty()));
            new LatestResult(sessionId, code, outcome.livenessId().orElse(null), outcome.pendingUpload().isPresent(),
                    Instant.now().toString(), outcome.uploadRefused() ? outcome.detail() : null).write(dataDirectory);
        } catch (IOException | IllegalStateException e) {
            LOG.error("Session {} ({}) could not be added to the history: {}", sessionId, code, e.getMessage());
        }
    }

    @Override
    public void close() {
        analysis.shutdownNow();
    }
}
