package org.livenesskiosk.app;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.ClipRecorder;
import org.livenesskiosk.capture.DeviceLostException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;

/**
 * Runs one liveness session over a source of frames: each frame is analysed once, fed to the
 * session, and kept when the session asks for it as evidence. Runs on the caller's thread, which
 * is the analysis thread.
 */
final class SessionRunner {

    private final FrameAnalyzer analyzer;
    private final LivenessConfig config;

    SessionRunner(FrameAnalyzer analyzer, LivenessConfig config) {
        this.analyzer = analyzer;
        this.config = config;
    }

    /**
     * @param recorder where to record every frame, to replay the session later
     * @param updates  told of every update, on this thread; the UI copies what it needs and returns
     * @throws CaptureException when the recording cannot be written
     */
    SessionOutcome run(FrameSource source, LivenessSession session, ClipRecorder recorder,
                       Consumer<SessionUpdate> updates) throws CaptureException {
        analyzer.reset();
        int frames = 0;
        long lastMs = 0;
        try (Evidence evidence = new Evidence()) {
            while (session.result().isEmpty()) {
                Optional<Frame> next;
                try {
                    next = source.next();
                } catch (DeviceLostException e) {
                    updates.accept(session.abort(LivenessError.DEVICE_NOT_SUPPORT, e.getMessage(), lastMs));
                    break;
                }
                if (next.isEmpty()) {
                    updates.accept(session.endOfInput(lastMs));
                    break;
                }
                try (Frame frame = next.get()) {
                    frames++;
                    lastMs = frame.timestampMs();
                    recorder.record(frame.image());
                    FrameAnalysis analysis = analyzer.analyze(frame.image(), frame.index(), frame.timestampMs());
                    SessionUpdate update = session.accept(analysis);
                    update.face().ifPresent(face -> update.keep()
                            .forEach(slot -> evidence.keep(slot, frame.image(), face.metrics().box())));
                    updates.accept(update);
                }
            }
            var result = session.result().orElseThrow();
            Map<EvidenceSlot, byte[]> images = result.success() ? evidence.faceImages(config.resultImageSize()) : Map.of();
            return new SessionOutcome(result, images, frames, source.corruptFrames());
        }
    }
}
