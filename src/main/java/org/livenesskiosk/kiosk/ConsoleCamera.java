package org.livenesskiosk.kiosk;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

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

/**
 * The operator console's camera: the cameras the drivers see, and one of them played on its own
 * thread — shown live, or to capture an identity card's portrait ({@link IdPhotoDesk}).
 */
final class ConsoleCamera {

    private ConsoleCamera() {
    }

    static KioskBackend.CameraPreview show(String source, PreviewFrames frames, Consumer<String> failed) {
        return play(source, "camera-preview", frame -> {
            PreviewPixels.offer(frame.image(), frames);
            return true;
        }, () -> { }, failed);
    }

    /**
     * Plays a camera or clip on a thread of its own, each frame to {@code each} until it answers
     * false or the preview is stopped; {@code ended} runs when the source ends first (a clip's last frame).
     */
    static KioskBackend.CameraPreview play(String source, String threadName, Predicate<Frame> each, Runnable ended,
                                           Consumer<String> failed) {
        AtomicBoolean stopped = new AtomicBoolean();
        Thread camera = new Thread(() -> {
            try (FrameSource camerasFrames = new PacedFrameSource(FrameSources.open(source, CaptureSettings.defaults()))) {
                while (!stopped.get()) {
                    Optional<Frame> next = camerasFrames.next();
                    if (next.isEmpty()) {
                        ended.run();
                        break;
                    }
                    try (Frame frame = next.get()) {
                        if (!each.test(frame)) {
                            break;
                        }
                    }
                }
            } catch (CaptureException | DeviceLostException e) {
                failed.accept(e.getMessage());
            }
        }, threadName);
        camera.setDaemon(true);
        camera.start();
        return () -> stopped.set(true);
    }

    static CompletableFuture<List<String>> list() {
        return CompletableFuture.supplyAsync(() -> FrameSources.cameras().stream().map(CameraInfo::source).toList());
    }
}
