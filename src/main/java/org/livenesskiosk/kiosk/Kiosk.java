package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskBackend;
import org.livenesskiosk.ui.KioskSettings;
import org.livenesskiosk.ui.PendingUpload;
import org.livenesskiosk.ui.PinLock;
import org.livenesskiosk.ui.PreviewFrames;
import org.livenesskiosk.ui.SessionListener;
import org.livenesskiosk.ui.SessionRequest;
import org.livenesskiosk.vision.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk behind its screens: the sessions run at the {@link SessionDesk} (analysis thread),
 * every call to the service through the {@link ServiceLink} (network thread), the console's camera
 * on its own ({@link ConsoleCamera}), the ID photo's capture too ({@link IdPhotoDesk}). Nothing here runs on, or waits for, the UI thread.
 */
public final class Kiosk implements KioskBackend, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);

    /**
     * What the command line fixes for this run, above the operator's settings.
     *
     * @param source     a camera or recording instead of the settings' camera
     * @param service    a service given on the command line, instead of the settings' one
     * @param distanceCm the expected distance of the customer, min and max
     * @param farNear    the embedded service's far/near stage on or off, instead of its challenge's
     * @param actions    the actions the embedded service asks for, in order, instead of its challenge's
     */
    public record Overrides(Optional<String> source, Optional<ServiceConnection> service, double[] distanceCm,
                            Optional<Boolean> farNear, Optional<List<ActionType>> actions, Optional<Boolean> light) {
    }

    private final SettingsFile settingsFile;
    private final SessionHistory history;
    private final ServiceLink service;
    private final SessionDesk sessions;
    private final IdPhotoDesk idPhotos;
    private final PinLockFile pinLock;
    private volatile KioskSettings settings;

    public Kiosk(SettingsFile settingsFile, KioskSettings settings, Path dataDirectory, Models models, Overrides overrides)
            throws IOException {
        this.settingsFile = settingsFile;
        this.settings = settings;
        this.history = SessionHistory.open(dataDirectory);
        this.pinLock = new PinLockFile(dataDirectory);
        // The kiosk's key pair and enrollments live beside its settings file, in its configuration folder.
        Path configuration = settingsFile.path().toAbsolutePath().getParent();
        this.service = new ServiceLink(() -> overrides.service().orElseGet(() -> ServiceConnection.of(this.settings, dataDirectory,
                configuration)),
                models, history);
        this.idPhotos = new IdPhotoDesk(models, System::currentTimeMillis);
        this.sessions = new SessionDesk(() -> this.settings, overrides, models, service, history, dataDirectory, idPhotos::take);
        sessions.tidy();
    }

    /**
     * Loads and checks the vision models, and connects to the service, before the first customer:
     * a missing or altered model or a refused license shows at start (and again, with its code, at
     * each session), and the first session does not wait for them.
     */
    public void prepare() {
        sessions.loadModels();
        service.connectEarly();
    }

    @Override
    public RunningSession start(SessionRequest request, SessionListener listener) {
        return sessions.start(request, listener);
    }

    @Override
    public KioskSettings settings() {
        return settings;
    }

    @Override
    public CompletableFuture<Void> save(KioskSettings changed) {
        return service.change(() -> {
            try {
                settingsFile.write(changed);
            } catch (IOException e) {
                throw new IllegalStateException("The settings cannot be saved in " + settingsFile.path() + ": " + e.getMessage(), e);
            }
            settings = changed;
            LOG.info("Settings saved: {}", changed);
        });
    }

    @Override
    public CompletableFuture<List<HistoryEntry>> history() {
        return CompletableFuture.supplyAsync(history::latest);
    }

    @Override
    public CompletableFuture<List<HistoryEntry>> reviewedHistory() {
        return service.refreshReviews().thenApplyAsync(asked -> history.latest());
    }

    @Override
    public CompletableFuture<List<PendingUpload>> pendingUploads() {
        return service.pendingUploads();
    }

    @Override
    public CompletableFuture<Void> sendPendingUploads() {
        return service.sendWaitingNow();
    }

    @Override
    public CompletableFuture<Authorization> authorization() {
        return service.authorization();
    }

    @Override
    public CompletableFuture<Optional<DataKept>> dataKept() {
        return service.dataKept();
    }

    @Override
    public CompletableFuture<PinLock> pinLock() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return pinLock.read();
            } catch (IOException e) {
                throw new IllegalStateException("The operator PIN's lock cannot be read from " + pinLock.path() + ": "
                        + e.getMessage(), e);
            }
        });
    }

    @Override
    public CompletableFuture<Void> keepPinLock(PinLock lock) {
        return CompletableFuture.runAsync(() -> {
            try {
                pinLock.write(lock);
            } catch (IOException e) {
                LOG.error("The operator PIN's lock cannot be kept in {}: {}", pinLock.path(), e.getMessage());
            }
        });
    }

    @Override
    public CameraPreview showCamera(String source, PreviewFrames frames, Consumer<String> failed) {
        return ConsoleCamera.show(source, frames, failed);
    }

    @Override
    public CameraPreview checkIdPhoto(String source, PreviewFrames frames, IdPhotoListener listener) {
        return idPhotos.check(source, frames, listener);
    }

    @Override
    public CompletableFuture<List<String>> cameras() {
        return ConsoleCamera.list();
    }

    @Override
    public String version() {
        return ProductVersion.version();
    }

    @Override
    public void close() {
        sessions.close();
        service.close();
    }
}
