package org.livenesskiosk.vision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.liveness.ActionDetectors;
import org.livenesskiosk.liveness.ActionEvent;

/** Every frame of a clip through the pipeline and the action detectors, as {@code analyze} does. */
record ClipRun(List<FrameAnalysis> frames, List<ActionEvent> events, int corruptFrames) {

    static ClipRun of(Path clip, Models models) throws CaptureException {
        FrameAnalyzer analyzer = new FrameAnalyzer(models);
        ActionDetectors detectors = ActionDetectors.forAllActions();
        List<FrameAnalysis> frames = new ArrayList<>();
        List<ActionEvent> events = new ArrayList<>();
        try (FrameSource source = FrameSources.open(clip, 25)) {
            for (Optional<Frame> next = source.next(); next.isPresent(); next = source.next()) {
                try (Frame frame = next.get()) {
                    FrameAnalysis analysis = analyzer.analyze(frame.image(), frame.index(), frame.timestampMs());
                    frames.add(analysis);
                    events.addAll(detectors.accept(analysis));
                }
            }
            return new ClipRun(frames, events, source.corruptFrames());
        }
    }

    List<FrameAnalysis> between(long fromMs, long toMs) {
        return frames.stream().filter(f -> f.timestampMs() >= fromMs && f.timestampMs() <= toMs).toList();
    }
}
