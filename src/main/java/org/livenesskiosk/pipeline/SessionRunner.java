package org.livenesskiosk.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.ClipRecorder;
import org.livenesskiosk.capture.DeviceLostException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.SessionResult;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;

/**
 * Runs one liveness session over a source of frames: each frame is analysed once, fed to the
 * session, and kept when the session asks for it as evidence. Runs on the caller's thread, which
 * is the analysis thread.
 *
 * <p>The kiosk {@linkplain #recording records} what it analyses: each camera frame becomes the
 * {@link SessionRecording}'s JPEG first, and that is what is measured, so that the service can
 * {@linkplain #replaying replay} the very same pixels and reach its own verdict.
 */
public final class SessionRunner {

    /**
     * The kiosk analyses, and so records, at most one frame in this many milliseconds, by what the
     * session is doing: what the service re-checks, not every frame the camera gives (the camera's
     * other frames still reach the preview). Every rule of the session is timed in milliseconds,
     * none counts frames. The service re-runs a recording under the same rule (on the frames it
     * draws of it), so a recording sent at a higher rate costs it no more.
     */
    static long frameIntervalMs(SessionState state) {
        return switch (state) {
            // The customer finds the oval, steps back and leans in slowly: ten frames a second follow it, and a stage that
            // takes its whole 50 s does not fill the upload.
            case PREPARING, FAR, NEAR -> 100;
            // Every frame: a mouth opened while speaking and a quick blink last a few frames (at 15 frames a second the
            // talking face's mouth was no longer seen), and the light check compares each colour's frames, which hold 350 to
            // 600 ms, with the room's light just before the step.
            case ACTING, LIGHT, FINISHED -> 0;
        };
    }

    private final FrameAnalyzer analyzer;
    private final LivenessConfig config;
    private final boolean record;

    /** Who watches a session run: the kiosk's preview and prompts, its cancel button, the service's fingerprints. */
    public interface Listener {

        Listener NONE = new Listener() {
        };

        /**
         * Each frame, on the analysis thread: the camera's frame on the kiosk, the recorded frame on
         * the service; on the kiosk, one left unanalysed ({@link #frameIntervalMs}) comes with the last update. The image
         * is released on return, so copy what is needed.
         */
        default void frame(Mat image, long timestampMs, SessionUpdate update) {
        }

        /** A frame of the session's time {@code timestampMs} came from the source at {@code nanos} ({@link System#nanoTime()}). */
        default void arrived(long timestampMs, long nanos) {
        }

        /** Asked before each frame: true ends the session with USER_GIVE_UP. */
        default boolean cancelRequested() {
            return false;
        }

        /**
         * Asked before each frame of the light step: what the screen showed, in the session's
         * milliseconds, once it has shown it all; empty until then. One that shows no light says so
         * with an empty timeline, and the step ends at once.
         */
        default Optional<List<LightSequence.Shown>> lightShown() {
            return Optional.of(List.of());
        }
    }

    /** Opens the session's frames: a camera or a recording. */
    @FunctionalInterface
    public interface SourceOpener {
        FrameSource open() throws CaptureException;
    }

    private SessionRunner(FrameAnalyzer analyzer, LivenessConfig config, boolean record) {
        this.analyzer = analyzer;
        this.config = config;
        this.record = record;
    }

    /** A kiosk's session: the frames analysed are recorded for the service (see {@link SessionOutcome#recording()}). */
    public static SessionRunner recording(FrameAnalyzer analyzer, LivenessConfig config) {
        return new SessionRunner(analyzer, config, true);
    }

    /** The service's re-run of a recording: its frames are analysed as they are. */
    public static SessionRunner replaying(FrameAnalyzer analyzer, LivenessConfig config) {
        return new SessionRunner(analyzer, config, false);
    }

    /**
     * Opens the frames and runs the session over them, recording them when asked. A source that
     * cannot be opened, or a recording that cannot be written, ends the session with
     * DEVICE_NOT_SUPPORT and says why.
     *
     * @param record where to record the frames, to replay the session later
     */
    public SessionOutcome run(SourceOpener opener, Optional<Path> record, LivenessSession session, Listener listener) {
        try (FrameSource frames = opener.open();
             ClipRecorder recorder = new ClipRecorder(record, frames.framesPerSecond())) {
            return run(frames, session, recorder, listener);
        } catch (CaptureException e) {
            SessionResult result = session.abort(LivenessError.DEVICE_NOT_SUPPORT, e.getMessage(), 0).result().orElseThrow();
            return new SessionOutcome(result, Map.of(), new SessionRecording(), 0, 0);
        }
    }

    /**
     * @param recorder where to record every camera frame, to replay the session later
     * @throws CaptureException when the recording cannot be written
     */
    public SessionOutcome run(FrameSource source, LivenessSession session, ClipRecorder recorder, Listener listener)
            throws CaptureException {
        analyzer.reset();
        SessionRecording recording = new SessionRecording();
        int frames = 0;
        long lastMs = 0;
        long lastAnalysedMs = 0;
        SessionUpdate lastUpdate = null;
        try (Evidence evidence = new Evidence()) {
            while (session.result().isEmpty()) {
                if (listener.cancelRequested()) {
                    session.cancel(lastMs);
                    break;
                }
                if (session.state() == SessionState.LIGHT) {
                    source.holdExposure(true);
                    listener.lightShown().ifPresent(session::lightShown);
                }
                Optional<Frame> next;
                try {
                    next = source.next();
                } catch (DeviceLostException e) {
                    session.abort(LivenessError.DEVICE_NOT_SUPPORT, e.getMessage(), lastMs);
                    break;
                }
                if (next.isEmpty()) {
                    session.endOfInput(lastMs);
                    break;
                }
                try (Frame frame = next.get()) {
                    listener.arrived(frame.timestampMs(), System.nanoTime());
                    lastMs = frame.timestampMs();
                    recorder.record(frame.image());
                    if (lastUpdate != null && frame.timestampMs() - lastAnalysedMs < frameIntervalMs(session.state())) {
                        if (record) {
                            listener.frame(frame.image(), frame.timestampMs(), lastUpdate);
                        }
                        continue;
                    }
                    lastAnalysedMs = frame.timestampMs();
                    SessionUpdate update;
                    double scale = 1;
                    if (record) {
                        try (SessionRecording.Recorded recorded = recording.add(frame.image(), frame.timestampMs())) {
                            update = session.accept(analysis(session, recorded.image(), frames, frame.timestampMs()));
                            scale = recorded.scale();
                        }
                    } else {
                        update = session.accept(analysis(session, frame.image(), frames, frame.timestampMs()));
                    }
                    frames++;
                    lastUpdate = update;
                    double toCamera = 1 / scale;
                    update.face().ifPresent(face -> update.keep()
                            .forEach(slot -> evidence.keep(slot, frame.image(), face.metrics().box().scaled(toCamera))));
                    listener.frame(frame.image(), frame.timestampMs(), update);
                }
            }
            var result = session.result().orElseThrow();
            Map<EvidenceSlot, byte[]> images = result.success() ? evidence.faceImages(config.resultImageSize()) : Map.of();
            return new SessionOutcome(result, images, recording, frames, source.corruptFrames());
        } finally {
            // Held for the light step only: the camera adjusts to the next customer again.
            source.holdExposure(false);
        }
    }

    /** The frame's analysis, with its texture scored when the session asks for it (a sample of the frames). */
    private FrameAnalysis analysis(LivenessSession session, Mat image, int index, long timestampMs) {
        FrameAnalysis analysis = analyzer.analyze(image, index, timestampMs);
        return session.wantsTexture(analysis) ? analyzer.withTexture(image, analysis) : analysis;
    }
}
