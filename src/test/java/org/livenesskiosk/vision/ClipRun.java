package org.livenesskiosk.vision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.liveness.ActionDetectors;
import org.livenesskiosk.liveness.ActionEvent;

/** Every frame of a clip through the pipeline and the action detectors, as {@code analyze} does. */
record ClipRun(List<FrameAnalysis> frames, List<ActionEvent> events, int corruptFrames) {

    static ClipRun of(Path clip, Models models) throws CaptureException {
        return of(clip, models, Optional.empty());
    }

    /**
     * @param frameSize {@code WxH} to fit every frame into first, as {@code bench --frame-size} does
     *                  (a camera's 640×480), or empty for the clip's own size
     */
    static ClipRun of(Path clip, Models models, Optional<String> frameSize) throws CaptureException {
        FrameAnalyzer analyzer = new FrameAnalyzer(models);
        ActionDetectors detectors = ActionDetectors.forAllActions();
        List<FrameAnalysis> frames = new ArrayList<>();
        List<ActionEvent> events = new ArrayList<>();
        try (FrameSource source = FrameSources.open(clip, 25)) {
            for (Optional<Frame> next = source.next(); next.isPresent(); next = source.next()) {
                try (Frame frame = next.get(); Mat image = fitted(frame.image(), frameSize)) {
                    FrameAnalysis analysis = analyzer.analyze(image, frame.index(), frame.timestampMs());
                    frames.add(analysis);
                    events.addAll(detectors.accept(analysis));
                }
            }
            return new ClipRun(frames, events, source.corruptFrames());
        }
    }

    private static Mat fitted(Mat image, Optional<String> frameSize) {
        if (frameSize.isEmpty()) {
            return new Mat(image);
        }
        String[] parts = frameSize.get().split("x");
        Mat fitted = new Mat();
        Letterbox.fit(image, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), fitted);
        return fitted;
    }

    List<FrameAnalysis> between(long fromMs, long toMs) {
        return frames.stream().filter(f -> f.timestampMs() >= fromMs && f.timestampMs() <= toMs).toList();
    }
}
