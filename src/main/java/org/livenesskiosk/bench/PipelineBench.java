package org.livenesskiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.kiosk.PreviewPixels;
import org.livenesskiosk.liveness.ActionDetectors;
import org.livenesskiosk.liveness.ActionEvent;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.pipeline.SessionRecording;
import org.livenesskiosk.ui.PreviewFrames;
import org.livenesskiosk.vision.FaceCrop;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.HaarBaseline;
import org.livenesskiosk.vision.TextureScore;

/**
 * Times our pipeline against the classic Haar-cascade baseline on the same decoded frames, in the
 * same process; also the liveness controller on top, and the hand-over of each frame to the
 * kiosk's preview. With labels, scores the blinks seen. Both run OpenCV on the calling thread
 * alone, as {@link FrameAnalyzer} sets it.
 */
public final class PipelineBench {

    /**
     * @param repeat          how many times every frame is timed
     * @param maxFrames       at most this many frames of each source are kept and timed
     * @param frameSize       {@code WxH} to fit every frame into before timing, or empty for as decoded
     * @param labelsFolder    {@code <clip>.events.csv} files to score the blinks against
     * @param folderFramesPerSecond the frame rate of a folder of frames
     * @param frameIntervalMs keep a frame only this long after the last one kept, as a kiosk analyses at a lower rate than
     *                        its camera's (0: every frame)
     */
    public record Settings(int repeat, int maxFrames, Optional<String> frameSize, Optional<Path> labelsFolder,
                           double folderFramesPerSecond, long frameIntervalMs) {
    }

    /** One source as decoded: how many frames were timed, and their size. */
    public record Source(Path path, int frames, int width, int height) {
    }

    /** Everything measured so far, over all sources. */
    public static final class Figures {
        public final Timings decoding = new Timings();
        /** Each frame through the vision pipeline with the passive check on (texture scored on the session's sample). */
        public final Timings pipeline = new Timings();
        /**
         * The passive check's own share of each frame on the analysis thread: choosing the frame, and
         * cropping its face for the side thread that scores it.
         */
        public final Timings passive = new Timings();
        /** The texture scoring alone, on the frames chosen for it, on the analyser's side thread. */
        public final Timings texture = new Timings();
        public final Timings haar = new Timings();
        public final Timings controller = new Timings();
        public final Timings preview = new Timings();
        public long timedFrames;
        public long pipelineFaces;
        public long haarFaces;
        public long haarEyes;
        public BlinkScore blinks = BlinkScore.NONE;
        /** The first source's first seconds as a kiosk records them: the upload figures send it. */
        public UploadBench.Evidence uploadEvidence;
    }

    /** Three seconds of a camera: what each simulated session uploads. */
    private static final int UPLOADED_FRAMES = 90;

    private record TimedFrame(Mat image, long timestampMs) {
    }

    private final FrameAnalyzer analyzer;
    private final HaarBaseline baseline = new HaarBaseline();
    private final Settings settings;
    private final Figures figures = new Figures();
    private boolean warmedUp;

    public PipelineBench(FrameAnalyzer analyzer, Settings settings) {
        this.analyzer = analyzer;
        this.settings = settings;
    }

    public Figures figures() {
        return figures;
    }

    /** Decodes and times one source; empty when no frame of it could be decoded. */
    public Optional<Source> measure(Path source) throws CaptureException, IOException {
        List<TimedFrame> frames = decode(source);
        if (frames.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (figures.uploadEvidence == null) {
                figures.uploadEvidence = uploadEvidence(frames);
            }
            if (!warmedUp) {
                // One untimed pass lets the JIT and OpenCV's allocations settle.
                frames.forEach(frame -> analyzer.analyze(frame.image(), 0, frame.timestampMs()));
                warmedUp = true;
            }
            List<ActionEvent> events = time(frames);
            Optional<Path> labels = labelsOf(source);
            if (labels.isPresent()) {
                double minutes = frames.get(frames.size() - 1).timestampMs() / 60_000.0;
                figures.blinks = figures.blinks.plus(BlinkScore.of(events, LabelledEvent.read(labels.get()), minutes));
            }
            return Optional.of(new Source(source, frames.size(), frames.get(0).image().cols(), frames.get(0).image().rows()));
        } finally {
            frames.forEach(frame -> frame.image().close());
        }
    }

    /** A kiosk's evidence from the first {@code frameCount} frames of a recorded clip, as decoded (for the load test). */
    public static UploadBench.Evidence evidence(Path source, double folderFramesPerSecond, int frameCount) throws CaptureException {
        List<TimedFrame> frames = new ArrayList<>();
        try (FrameSource frameSource = FrameSources.open(source, folderFramesPerSecond)) {
            for (Optional<Frame> next = frameSource.next(); next.isPresent(); next = frameSource.next()) {
                frames.add(new TimedFrame(next.get().image(), next.get().timestampMs()));
                if (frames.size() == frameCount) {
                    break;
                }
            }
        }
        if (frames.isEmpty()) {
            throw new CaptureException("No frame of " + source + " could be decoded");
        }
        try {
            return uploadEvidence(frames);
        } finally {
            frames.forEach(frame -> frame.image().close());
        }
    }

    /** The first {@link #UPLOADED_FRAMES} frames recorded as a kiosk records them, and the first frame as the best image. */
    private static UploadBench.Evidence uploadEvidence(List<TimedFrame> frames) {
        SessionRecording recording = new SessionRecording();
        for (TimedFrame frame : frames.subList(0, Math.min(UPLOADED_FRAMES, frames.size()))) {
            recording.add(frame.image(), frame.timestampMs()).close();
        }
        return UploadBench.Evidence.of(recording, FaceCrop.jpegOfFrame(frames.get(0).image()));
    }

    /**
     * Times every frame {@code repeat} times through the pipeline, the liveness controller that a
     * session adds on top and the hand-over to the kiosk's preview, as a kiosk's analysis thread
     * runs them one frame after the other; then through the baseline; returns the actions seen in
     * the first run.
     */
    private List<ActionEvent> time(List<TimedFrame> frames) {
        List<ActionEvent> events = new ArrayList<>();
        // The clips were recorded without the far/near stage: the controller runs their actions.
        LivenessConfig everyAction = LivenessConfig.defaults().withActions(List.of(ActionType.values()), false)
                .withFarNear(false, LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS);
        PreviewFrames preview = new PreviewFrames();
        for (int run = 0; run < settings.repeat(); run++) {
            analyzer.reset();
            ActionDetectors detectors = ActionDetectors.forAllActions();
            LivenessSession session = new LivenessSession(everyAction, everyAction.actions());
            List<TextureScore> scores = new ArrayList<>();
            for (TimedFrame frame : frames) {
                if (session.state() == SessionState.FINISHED) {
                    session = new LivenessSession(everyAction, everyAction.actions());
                }
                long start = System.nanoTime();
                FrameAnalysis analysis = analyzer.analyze(frame.image(), 0, frame.timestampMs());
                long analysed = System.nanoTime();
                if (session.wantsTexture(analysis)) {
                    analysis = analyzer.withTexture(frame.image(), analysis);
                    scores.add(analysis.texture().orElseThrow());
                }
                long end = System.nanoTime();
                figures.pipeline.add(end - start);
                figures.passive.add(end - analysed);
                figures.pipelineFaces += analysis.faceCount();
                if (run == 0) {
                    events.addAll(detectors.accept(analysis));
                }
                start = System.nanoTime();
                session.accept(analysis);
                figures.controller.add(System.nanoTime() - start);

                start = System.nanoTime();
                PreviewPixels.offer(frame.image(), preview);
                figures.preview.add(System.nanoTime() - start);
                figures.timedFrames++;
            }
            // Read once the run is over: the side thread scores them while the next frames are analysed, as on a kiosk.
            scores.forEach(score -> figures.texture.add(score.scoringNanos()));
            // The baseline goes over the same frames in a pass of its own. Run between the kiosk's
            // frames, its sweep over every scale evicted the caches the pipeline works in (about
            // 1.3 ms a frame), which nothing on a kiosk does; and the pipeline did the same to it.
            for (TimedFrame frame : frames) {
                long start = System.nanoTime();
                HaarBaseline.Result classic = baseline.detect(frame.image());
                figures.haar.add(System.nanoTime() - start);
                figures.haarFaces += classic.faces();
                figures.haarEyes += classic.eyes();
            }
        }
        return events;
    }

    private List<TimedFrame> decode(Path source) throws CaptureException {
        List<TimedFrame> frames = new ArrayList<>();
        try (FrameSource frameSource = FrameSources.open(source, settings.folderFramesPerSecond())) {
            while (frames.size() < settings.maxFrames()) {
                long start = System.nanoTime();
                Optional<Frame> next = frameSource.next();
                if (next.isEmpty()) {
                    break;
                }
                figures.decoding.add(System.nanoTime() - start);
                Frame frame = next.get();
                if (!frames.isEmpty() && frame.timestampMs() - frames.get(frames.size() - 1).timestampMs() < settings.frameIntervalMs()) {
                    frame.image().close();
                    continue;
                }
                frames.add(new TimedFrame(fitted(frame.image()), frame.timestampMs()));
            }
        }
        return frames;
    }

    private Optional<Path> labelsOf(Path source) {
        if (settings.labelsFolder().isEmpty()) {
            return Optional.empty();
        }
        String name = source.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path labels = settings.labelsFolder().get().resolve(name + ".events.csv");
        return Files.isReadable(labels) ? Optional.of(labels) : Optional.empty();
    }

    /** The frame scaled and padded into the frame size, or as decoded when none is given. */
    private Mat fitted(Mat image) {
        return settings.frameSize().map(size -> FittedFrames.fitted(image, size)).orElse(image);
    }
}
