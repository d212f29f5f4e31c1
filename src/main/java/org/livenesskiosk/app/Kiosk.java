package org.livenesskiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.CameraInfo;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.CaptureSettings;
import org.livenesskiosk.capture.DeviceLostException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.capture.PacedFrameSource;
import org.livenesskiosk.liveness.ActionPlan;
import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.SessionResult;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.service.ChallengeSettings;
import org.livenesskiosk.service.LatestResult;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.service.UploadQueue;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskBackend;
import org.livenesskiosk.ui.KioskOutcome;
import org.livenesskiosk.ui.KioskSettings;
import org.livenesskiosk.ui.PendingUpload;
import org.livenesskiosk.ui.PreviewFrames;
import org.livenesskiosk.ui.SessionListener;
import org.livenesskiosk.ui.SessionRequest;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.ModelException;
import org.livenesskiosk.vision.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk behind its screens. Sessions run on the analysis thread (camera, vision, liveness,
 * then the upload); the console's questions and the outbox's retries on the network thread.
 * Nothing here runs on, or waits for, the UI thread.
 */
final class Kiosk implements KioskBackend, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);
    /** How often waiting uploads are tried again between sessions. */
    private static final long RETRY_MINUTES = 1;
    /** Session recordings are for troubleshooting a problem seen today, and are biometric data: kept a day. */
    private static final String RECORDINGS = "recordings";
    private static final Duration RECORDINGS_KEPT = Duration.ofDays(1);

    /**
     * What the command line fixes for this run, above the operator's settings.
     *
     * @param source        a camera or recording instead of the settings' camera
     * @param service       a service given on the command line, instead of the settings' one
     * @param distanceCm    the expected distance of the customer, min and max
     */
    record Overrides(Optional<String> source, Optional<ServiceOptions> service, double[] distanceCm) {
    }

    private final SettingsFile settingsFile;
    private final Path dataDirectory;
    private final Models models;
    private final Overrides overrides;
    private final SessionHistory history;
    private final ExecutorService analysis = Executors.newSingleThreadExecutor(named("analysis"));
    private final ScheduledExecutorService network = Executors.newSingleThreadScheduledExecutor(named("network"));
    private volatile KioskSettings settings;
    /** Made and replaced on the network thread only. */
    private KioskService service;
    /** Used on the analysis thread only: loading the models once, not per customer. */
    private FrameAnalyzer analyzer;
    /** Why the models could not be loaded, for the session's MODEL_ERROR; analysis thread only. */
    private String modelProblem = "";

    Kiosk(SettingsFile settingsFile, KioskSettings settings, Path dataDirectory, Models models, Overrides overrides)
            throws IOException {
        this.settingsFile = settingsFile;
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.models = models;
        this.overrides = overrides;
        this.history = SessionHistory.open(dataDirectory);
        deleteOldRecordings();
        network.scheduleWithFixedDelay(this::sendWaiting, RETRY_MINUTES, RETRY_MINUTES, TimeUnit.MINUTES);
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void deleteOldRecordings() throws IOException {
        Path recordings = dataDirectory.resolve(RECORDINGS);
        if (!Files.isDirectory(recordings)) {
            return;
        }
        Instant oldest = Instant.now().minus(RECORDINGS_KEPT);
        try (Stream<Path> files = Files.list(recordings)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(oldest)) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Loads and checks the vision models, and connects to the service, before the first customer:
     * a missing or altered model or a refused license shows at start (and again, with its code, at
     * each session), and the first session does not wait for them.
     */
    void prepare() {
        analysis.execute(this::analyzer);
        network.execute(() -> {
            try {
                service().authorize();
            } catch (ServiceCallException | IOException | RuntimeException e) {
                LOG.warn("Not authorized yet: {}", e.getMessage());
            }
        });
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

    @Override
    public RunningSession start(SessionRequest request, SessionListener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        analysis.execute(() -> {
            String sessionId = UUID.randomUUID().toString();
            KioskOutcome outcome;
            try {
                outcome = runSession(sessionId, request, listener, cancelled);
            } catch (RuntimeException e) {
                LOG.error("Session {} failed", sessionId, e);
                outcome = KioskOutcome.failed(LivenessError.UNDEFINED, e.toString());
            }
            remember(sessionId, request, outcome);
            listener.finished(outcome);
        });
        return () -> cancelled.set(true);
    }

    private KioskOutcome runSession(String sessionId, SessionRequest request, SessionListener listener,
                                    AtomicBoolean cancelled) {
        KioskSettings current = settings;
        ChallengeSettings challenge;
        try {
            challenge = onNetwork(() -> service().authorize());
        } catch (ServiceCallException e) {
            return KioskOutcome.failed(e.error(), e.serviceCode() + ": " + e.getMessage());
        } catch (IOException e) {
            return cannotKeepData(e);
        }
        LivenessConfig config = config(current, challenge);
        LivenessSession session = new LivenessSession(config, ActionPlan.of(config, new Random()));
        Optional<FrameAnalyzer> loaded = analyzer();
        if (loaded.isEmpty()) {
            return KioskOutcome.failed(LivenessError.MODEL_ERROR, modelProblem);
        }
        String source = overrides.source().orElse(current.source());
        Optional<Path> record = Optional.empty();
        if (current.recordSessions()) {
            try {
                record = Optional.of(Files.createDirectories(dataDirectory.resolve(RECORDINGS)).resolve(sessionId + ".avi"));
            } catch (IOException e) {
                return cannotKeepData(e);
            }
        }
        long startedNanos = System.nanoTime();
        SessionOutcome outcome = new SessionRunner(loaded.get(), config).run(
                () -> new PacedFrameSource(FrameSources.open(source, CaptureSettings.defaults())), record, session,
                new SessionRunner.Listener() {
                    @Override
                    public void frame(Mat image, SessionUpdate update) {
                        PreviewPixels.offer(image, listener.preview());
                        listener.update(update);
                    }

                    @Override
                    public boolean cancelRequested() {
                        return cancelled.get();
                    }
                });
        // Whether the kiosk keeps up: a clip's frames should take as long as the clip, and all reach the screen.
        LOG.info("Session {}: {} after {} frames, {} ms of video in {} ms; preview {} of {} frames drawn", sessionId,
                outcome.result().code(), outcome.frames(), outcome.result().durationMs(),
                (System.nanoTime() - startedNanos) / 1_000_000, listener.preview().drawnFrames(), listener.preview().offeredFrames());
        SessionResult result = outcome.result();
        if (!result.success()) {
            return KioskOutcome.failed(result.error().orElseThrow(), result.detail());
        }
        listener.verifying();
        return deliver(sessionId, request, outcome);
    }

    private KioskOutcome deliver(String sessionId, SessionRequest request, SessionOutcome outcome) {
        Optional<byte[]> best = Optional.ofNullable(outcome.images().get(EvidenceSlot.BEST));
        try {
            UploadQueue.Delivery delivery = onNetwork(() -> service().deliver(sessionId, outcome.result(), outcome.images(),
                    Optional.empty(), request.customerReference()));
            if (delivery.delivered()) {
                return new KioskOutcome(Optional.empty(), outcome.result().detail(), Optional.of(delivery.livenessId()),
                        Optional.empty(), best);
            }
            ServiceCallException failure = delivery.failure();
            return new KioskOutcome(Optional.of(failure.error()), failure.serviceCode() + ": " + failure.getMessage(),
                    Optional.empty(), Optional.of(sessionId), best);
        } catch (IOException e) {
            return cannotKeepData(e);
        } catch (ServiceCallException e) {
            return KioskOutcome.failed(e.error(), e.getMessage());
        }
    }

    private static KioskOutcome cannotKeepData(IOException e) {
        return KioskOutcome.failed(LivenessError.UNDEFINED, KioskService.cannotKeepData(e));
    }

    /** The operator's challenge, or the service's when the operator leaves it to the service. */
    private LivenessConfig config(KioskSettings current, ChallengeSettings fromService) {
        LivenessConfig config = current.challengeFromService() ? fromService.toConfig()
                : LivenessConfig.defaults()
                        .withActions(current.actions(), current.shuffle())
                        .withTimeLimits(current.actionTimeLimitSeconds() * 1000L, current.prepareTimeLimitSeconds() * 1000L)
                        .withLevel(current.level());
        return config.withDistance(overrides.distanceCm()[0], overrides.distanceCm()[1]);
    }

    private void remember(String sessionId, SessionRequest request, KioskOutcome outcome) {
        String code = outcome.passed() ? "SUCCESS" : outcome.error().map(LivenessError::name).orElseThrow();
        HistoryEntry.UploadState upload = outcome.livenessId().isPresent() ? HistoryEntry.UploadState.SENT
                : outcome.pendingUpload().isPresent() ? HistoryEntry.UploadState.WAITING : HistoryEntry.UploadState.NONE;
        try {
            history.add(new HistoryEntry(sessionId, Instant.now(), request.customerReference(), code, outcome.livenessId(), upload));
            new LatestResult(sessionId, code, outcome.livenessId().orElse(null), outcome.pendingUpload().isPresent(),
                    Instant.now().toString()).write(dataDirectory);
        } catch (IOException | IllegalStateException e) {
            LOG.error("Session {} ({}) could not be added to the history: {}", sessionId, code, e.getMessage());
        }
    }

    /** Sends what waits in the outbox, and notes in the history what got through. */
    private void sendWaiting() {
        try {
            for (UploadQueue.Delivery delivery : service().sendPending()) {
                if (delivery.delivered()) {
                    history.delivered(delivery.sessionId(), delivery.livenessId());
                }
            }
        } catch (IOException | ServiceCallException | RuntimeException e) {
            LOG.warn("Waiting uploads not sent: {}", e.getMessage());
        }
    }

    /** The service of the current settings, connected on first use and after the settings changed. */
    private KioskService service() throws ServiceCallException, IOException {
        if (service == null) {
            service = KioskService.connect(serviceOptions(settings), models);
        }
        return service;
    }

    private ServiceOptions serviceOptions(KioskSettings current) throws ServiceCallException {
        ServiceOptions options = overrides.service().orElseGet(() -> ServiceOptions.of(current, dataDirectory));
        if (!options.complete()) {
            throw new ServiceCallException(LivenessError.AUTH_PARAMETER_ERROR, "KIOSK_SETTINGS",
                    "A standalone service needs a license (or access and secret keys), a market and an application ID", null);
        }
        return options;
    }

    /** A call to the service, made on the network thread; the caller (never the UI thread) waits for it. */
    private <T> T onNetwork(NetworkCall<T> call) throws ServiceCallException, IOException {
        try {
            return network.submit(call::call).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServiceCallException failure) {
                throw failure;
            }
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @FunctionalInterface
    private interface NetworkCall<T> {
        T call() throws ServiceCallException, IOException;
    }

    @Override
    public KioskSettings settings() {
        return settings;
    }

    @Override
    public CompletableFuture<Void> save(KioskSettings changed) {
        return CompletableFuture.runAsync(() -> {
            try {
                settingsFile.write(changed);
            } catch (IOException e) {
                throw new IllegalStateException("The settings cannot be saved in " + settingsFile.path() + ": " + e.getMessage(), e);
            }
            boolean serviceChanged = !ServiceOptions.of(changed, dataDirectory).sameService(ServiceOptions.of(settings, dataDirectory));
            settings = changed;
            if (serviceChanged && service != null) {
                service.close();
                service = null;
            }
            LOG.info("Settings saved: {}", changed);
        }, network);
    }

    @Override
    public CompletableFuture<List<HistoryEntry>> history() {
        return CompletableFuture.supplyAsync(history::latest, network);
    }

    @Override
    public CompletableFuture<List<PendingUpload>> pendingUploads() {
        return CompletableFuture.supplyAsync(unchecked(() -> service().waiting().stream()
                .map(waiting -> new PendingUpload(waiting.sessionId(), waiting.since())).toList()), network);
    }

    @Override
    public CompletableFuture<Void> sendPendingUploads() {
        return CompletableFuture.runAsync(this::sendWaiting, network);
    }

    @Override
    public CompletableFuture<Authorization> authorization() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new Authorization(Optional.of(service().authorizedUntil()), Optional.empty());
            } catch (ServiceCallException e) {
                return new Authorization(Optional.empty(), Optional.of(e.error()));
            } catch (IOException e) {
                return new Authorization(Optional.empty(), Optional.of(LivenessError.UNDEFINED));
            }
        }, network);
    }

    @Override
    public CameraPreview showCamera(String source, PreviewFrames frames, Consumer<String> failed) {
        AtomicBoolean stopped = new AtomicBoolean();
        Thread camera = new Thread(() -> {
            try (FrameSource camerasFrames = new PacedFrameSource(FrameSources.open(source, CaptureSettings.defaults()))) {
                while (!stopped.get()) {
                    Optional<Frame> next = camerasFrames.next();
                    if (next.isEmpty()) {
                        break;
                    }
                    try (Frame frame = next.get()) {
                        PreviewPixels.offer(frame.image(), frames);
                    }
                }
            } catch (CaptureException | DeviceLostException e) {
                failed.accept(e.getMessage());
            }
        }, "camera-preview");
        camera.setDaemon(true);
        camera.start();
        return () -> stopped.set(true);
    }

    @Override
    public CompletableFuture<List<String>> cameras() {
        return CompletableFuture.supplyAsync(() -> FrameSources.cameras().stream().map(CameraInfo::source).toList());
    }

    @Override
    public String version() {
        return VersionProvider.version();
    }

    private static <T> Supplier<T> unchecked(NetworkCall<T> call) {
        return () -> {
            try {
                return call.call();
            } catch (ServiceCallException | IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    @Override
    public void close() {
        analysis.shutdownNow();
        network.submit(() -> {
            if (service != null) {
                service.close();
            }
        });
        network.shutdown();
        try {
            network.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
