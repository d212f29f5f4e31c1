package org.livenesskiosk.kiosk;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.livenesskiosk.capture.CameraInfo;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.CaptureSettings;
import org.livenesskiosk.capture.DeviceLostException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.capture.PacedFrameSource;
import org.livenesskiosk.ui.KioskBackend;
import org.livenesskiosk.ui.PreviewFrames;

/** The operator console's camera choice: the cameras the drivers see, and one of them shown live on its own thread. */
final class ConsoleCamera {

    private ConsoleCamera() {
    }

    static KioskBackend.CameraPreview show(String source, PreviewFrames frames, Consumer<String> failed) {
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

    static CompletableFuture<List<String>> list() {
        return CompletableFuture.supplyAsync(() -> FrameSources.cameras().stream().map(CameraInfo::source).toList());
    }
}
