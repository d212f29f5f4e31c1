package org.livenesskiosk.app;


import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.liveness.ActionDetectors;
import org.livenesskiosk.liveness.ActionEvent;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.ui.PreviewFrames;
import org.livenesskiosk.vision.FaceCrop;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.HaarBaseline;
import org.livenesskiosk.vision.Letterbox;

import com.google.gson.Gson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Times our pipeline against the classic Haar-cascade baseline on the same decoded frames, in
 * the same process, on one core; with labels, also scores the blinks seen. Its last line is one
 * JSON object, so that figures can be tracked from run to run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times the vision pipeline against OpenCV's Haar cascades on the same frames, on one core,",
            "and with --labels scores the blinks seen against hand-checked ones.",
            "The last line printed is one JSON object with the figures."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "PATH",
            description = "An MJPEG .avi clip, a folder of frames, or an image. Repeat to bench several.")
    private List<Path> sources;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N",
            description = "How many times to run over the frames. Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Option(names = "--frames", defaultValue = "300", paramLabel = "N",
            description = "At most this many frames from the start of each source are kept in memory and timed. Default: ${DEFAULT-VALUE}.")
    private int maxFrames;

    @Option(names = "--frame-size", paramLabel = "WxH",
            description = "Fit every frame into this size (scaled and padded, never squashed) before timing, e.g. 640x480.")
    private String frameSize;

    @Option(names = "--labels", paramLabel = "DIR",
            description = "Folder of hand-checked events, <clip name>.events.csv per clip (as in the shared test data): "
                    + "blink recall and false blinks per minute over the frames timed.")
    private Path labelsFolder;

    @Mixin
    private FolderFrameRate folderFrameRate;

    @Option(names = "--upload-sessions", defaultValue = "20", paramLabel = "N",
            description = "Sessions per kiosk for the upload figures (authorize + upload to a service on loopback). Default: ${DEFAULT-VALUE}.")
    private int uploadSessions;

    @Mixin
    private ModelOptions modelOptions;

    /** As many kiosks as a large branch has desks, uploading at once. */
    private static final int SIMULATED_KIOSKS = 8;

    private record TimedFrame(Mat image, long timestampMs) {
    }

    /** Everything measured, over all sources. */
    private static final class Figures {
        final Timings decoding = new Timings();
        final Timings pipeline = new Timings();
        final Timings haar = new Timings();
        final Timings controller = new Timings();
        final Timings preview = new Timings();
        long timedFrames;
        long pipelineFaces;
        long haarFaces;
        long haarEyes;
        BlinkScore blinks = BlinkScore.NONE;
        String firstFrameJpeg;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        opencv_core.setNumThreads(1);
        FrameAnalyzer analyzer = new FrameAnalyzer(modelOptions.models());
        HaarBaseline baseline = new HaarBaseline();
        Figures figures = new Figures();
        boolean warmedUp = false;
        for (Path source : sources) {
            List<TimedFrame> frames = decode(source, figures.decoding);
            if (frames.isEmpty()) {
                spec.commandLine().getErr().println("No frame of " + source + " could be decoded");
                return ErrorReporter.EXIT_FAILURE;
            }
            try {
                if (figures.firstFrameJpeg == null) {
                    figures.firstFrameJpeg = Base64.getEncoder().encodeToString(FaceCrop.jpegOfFrame(frames.get(0).image()));
                }
                if (!warmedUp) {
                    // One untimed pass lets the JIT and OpenCV's allocations settle.
                    frames.forEach(frame -> analyzer.analyze(frame.image(), 0, frame.timestampMs()));
                    warmedUp = true;
                }
                List<ActionEvent> events = time(frames, analyzer, baseline, figures);
                out.printf("source      %s: %d frames of %dx%d%n", source, frames.size(), frames.get(0).image().cols(),
                        frames.get(0).image().rows());
                Optional<Path> labels = labelsOf(source);
                if (labels.isPresent()) {
                    double minutes = frames.get(frames.size() - 1).timestampMs() / 60_000.0;
                    figures.blinks = figures.blinks.plus(BlinkScore.of(events, LabelledEvent.read(labels.get()), minutes));
                }
            } finally {
                frames.forEach(frame -> frame.image().close());
            }
        }
        UploadBench.Figures uploads = UploadBench.run(modelOptions.models(), figures.firstFrameJpeg, uploadSessions, SIMULATED_KIOSKS);
        report(out, figures, uploads);
        return 0;
    }

    /**
     * Times every frame {@code repeat} times through both pipelines, through the liveness
     * controller that a session adds on top, and through the hand-over to the kiosk's preview;
     * returns the actions seen in the first run.
     */
    private List<ActionEvent> time(List<TimedFrame> frames, FrameAnalyzer analyzer, HaarBaseline baseline, Figures figures) {
        List<ActionEvent> events = new ArrayList<>();
        LivenessConfig everyAction = LivenessConfig.defaults().withActions(List.of(ActionType.values()), false);
        PreviewFrames preview = new PreviewFrames();
        for (int run = 0; run < repeat; run++) {
            analyzer.reset();
            ActionDetectors detectors = ActionDetectors.forAllActions();
            LivenessSession session = new LivenessSession(everyAction, everyAction.actions());
            for (TimedFrame frame : frames) {
                long start = System.nanoTime();
                FrameAnalysis analysis = analyzer.analyze(frame.image(), 0, frame.timestampMs());
                figures.pipeline.add(System.nanoTime() - start);
                figures.pipelineFaces += analysis.faceCount();
                if (run == 0) {
                    events.addAll(detectors.accept(analysis));
                }
                if (session.state() == SessionState.FINISHED) {
                    session = new LivenessSession(everyAction, everyAction.actions());
                }
                start = System.nanoTime();
                session.accept(analysis);
                figures.controller.add(System.nanoTime() - start);

                start = System.nanoTime();
                PreviewPixels.offer(frame.image(), preview);
                figures.preview.add(System.nanoTime() - start);

                start = System.nanoTime();
                HaarBaseline.Result classic = baseline.detect(frame.image());
                figures.haar.add(System.nanoTime() - start);
                figures.haarFaces += classic.faces();
                figures.haarEyes += classic.eyes();
                figures.timedFrames++;
            }
        }
        return events;
    }

    private List<TimedFrame> decode(Path source, Timings decoding) throws CaptureException {
        List<TimedFrame> frames = new ArrayList<>();
        try (FrameSource frameSource = FrameSources.open(source, folderFrameRate.framesPerSecond())) {
            while (frames.size() < maxFrames) {
                long start = System.nanoTime();
                Optional<Frame> next = frameSource.next();
                if (next.isEmpty()) {
                    break;
                }
                decoding.add(System.nanoTime() - start);
                Frame frame = next.get();
                frames.add(new TimedFrame(fitted(frame.image()), frame.timestampMs()));
            }
        }
        return frames;
    }

    private Optional<Path> labelsOf(Path source) {
        if (labelsFolder == null) {
            return Optional.empty();
        }
        String name = source.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path labels = labelsFolder.resolve(name + ".events.csv");
        return Files.isReadable(labels) ? Optional.of(labels) : Optional.empty();
    }

    /** The frame scaled and padded into {@code --frame-size}, or as decoded when none is given. */
    private Mat fitted(Mat image) {
        if (frameSize == null) {
            return image;
        }
        String[] parts = frameSize.toLowerCase().split("x");
        Mat fitted = new Mat();
        Letterbox.fit(image, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), fitted);
        image.close();
        return fitted;
    }

    private void report(PrintWriter out, Figures figures, UploadBench.Figures uploads) {
        double speedup = figures.haar.median() / figures.pipeline.median();
        double pipelineFacesPerFrame = (double) figures.pipelineFaces / figures.timedFrames;
        double haarFacesPerFrame = (double) figures.haarFaces / figures.timedFrames;
        double haarEyesPerFrame = (double) figures.haarEyes / figures.timedFrames;
        out.printf("timed       %d frames (%d runs, 1 thread)%n", figures.timedFrames, repeat);
        out.printf("decode      median %7.2f ms  p95 %7.2f ms%n", figures.decoding.median(), figures.decoding.p95());
        out.printf("pipeline    median %7.2f ms  p95 %7.2f ms  %6.1f fps  %.2f faces/frame%n", figures.pipeline.median(),
                figures.pipeline.p95(), 1000 / figures.pipeline.median(), pipelineFacesPerFrame);
        out.printf("haar        median %7.2f ms  p95 %7.2f ms  %6.1f fps  %.2f faces/frame  %.2f eyes/frame%n",
                figures.haar.median(), figures.haar.p95(), 1000 / figures.haar.median(), haarFacesPerFrame, haarEyesPerFrame);
        out.printf("speedup     %.1fx (Haar median / pipeline median)%n", speedup);
        out.printf("controller  median %7.3f ms  p95 %7.3f ms  (the liveness session on top of the pipeline)%n",
                figures.controller.median(), figures.controller.p95());
        out.printf("preview     median %7.3f ms  p95 %7.3f ms  (each frame handed to the kiosk's window)%n",
                figures.preview.median(), figures.preview.p95());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sources", sources.stream().map(Path::toString).toList());
        json.put("frameSize", frameSize == null ? "as decoded" : frameSize);
        json.put("timedFrames", figures.timedFrames);
        json.put("repeat", repeat);
        json.put("decodeMsMedian", rounded(figures.decoding.median()));
        json.put("decodeMsP95", rounded(figures.decoding.p95()));
        json.put("pipelineMsMedian", rounded(figures.pipeline.median()));
        json.put("pipelineMsP95", rounded(figures.pipeline.p95()));
        json.put("pipelineFps", rounded(1000 / figures.pipeline.median()));
        json.put("pipelineFacesPerFrame", rounded(pipelineFacesPerFrame));
        json.put("baselineMsMedian", rounded(figures.haar.median()));
        json.put("baselineMsP95", rounded(figures.haar.p95()));
        json.put("baselineFps", rounded(1000 / figures.haar.median()));
        json.put("baselineFacesPerFrame", rounded(haarFacesPerFrame));
        json.put("baselineEyesPerFrame", rounded(haarEyesPerFrame));
        json.put("speedup", rounded(speedup));
        json.put("controllerMsMedian", rounded(figures.controller.median()));
        json.put("controllerMsP95", rounded(figures.controller.p95()));
        json.put("previewMsMedian", rounded(figures.preview.median()));
        json.put("previewMsP95", rounded(figures.preview.p95()));
        out.printf("upload      median %7.2f ms  p95 %7.2f ms  (authorize + upload + re-check, one kiosk)%n",
                uploads.roundTrip().median(), uploads.roundTrip().p95());
        out.printf("uploads     %.1f sessions/s with %d kiosks at once (%d sessions)%n", uploads.sessionsPerSecond(),
                uploads.kiosks(), uploads.concurrentSessions());
        json.put("uploadMsMedian", rounded(uploads.roundTrip().median()));
        json.put("uploadMsP95", rounded(uploads.roundTrip().p95()));
        json.put("uploadSessionsPerSecond", rounded(uploads.sessionsPerSecond()));
        json.put("uploadKiosks", uploads.kiosks());
        BlinkScore blinks = figures.blinks;
        if (blinks.labelled() > 0) {
            out.printf("blinks      %d of %d labelled found (recall %.3f), %d false of %d seen (precision %.3f) in %.1f min (%.2f/min)%n",
                    blinks.found(), blinks.labelled(), blinks.recall(), blinks.falseBlinks(), blinks.seen(), blinks.precision(),
                    blinks.minutes(), blinks.falseBlinksPerMinute());
            json.put("labelledBlinks", blinks.labelled());
            json.put("blinkRecall", rounded(blinks.recall()));
            json.put("blinkPrecision", rounded(blinks.precision()));
            json.put("falseBlinksPerMinute", rounded(blinks.falseBlinksPerMinute()));
        }
        out.println(new Gson().toJson(json));
        out.flush();
    }

    private static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
