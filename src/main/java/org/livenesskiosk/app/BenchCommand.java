package org.livenesskiosk.app;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.HaarBaseline;

import com.google.gson.Gson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Times our pipeline against the classic Haar-cascade baseline on the same decoded frames, in
 * the same process, on one core. Its last line is one JSON object, so that figures can be tracked
 * from run to run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times the vision pipeline against OpenCV's Haar cascades on the same frames of a clip, on one core.",
            "The last line printed is one JSON object with the figures."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "PATH",
            description = "An MJPEG .avi clip, a folder of frames, or an image.")
    private Path source;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N",
            description = "How many times to run over the frames. Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Option(names = "--frames", defaultValue = "300", paramLabel = "N",
            description = "At most this many frames from the start of the source are kept in memory and timed. Default: ${DEFAULT-VALUE}.")
    private int maxFrames;

    @Option(names = "--frame-size", paramLabel = "WxH",
            description = "Fit every frame into this size (scaled and padded, never squashed) before timing, e.g. 640x480.")
    private String frameSize;

    @Option(names = "--fps", defaultValue = "25", paramLabel = "N",
            description = "Frame rate of a folder of frames. Default: ${DEFAULT-VALUE}.")
    private double folderFramesPerSecond;

    @Mixin
    private ModelOptions modelOptions;

    private record TimedFrame(Mat image, long timestampMs) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        opencv_core.setNumThreads(1);
        FrameAnalyzer analyzer = new FrameAnalyzer(modelOptions.models());
        HaarBaseline baseline = new HaarBaseline();

        Timings decoding = new Timings();
        List<TimedFrame> frames = decode(decoding);
        if (frames.isEmpty()) {
            spec.commandLine().getErr().println("No frame of " + source + " could be decoded");
            return ErrorReporter.EXIT_FAILURE;
        }
        try {
            // One untimed pass lets the JIT and OpenCV's allocations settle.
            runPipeline(analyzer, frames, new Timings());

            Timings pipeline = new Timings();
            Timings haar = new Timings();
            long pipelineFaces = 0;
            long haarFaces = 0;
            for (int run = 0; run < repeat; run++) {
                analyzer.reset();
                for (TimedFrame frame : frames) {
                    long start = System.nanoTime();
                    int found = analyzer.analyze(frame.image(), 0, frame.timestampMs()).faceCount();
                    pipeline.add(System.nanoTime() - start);
                    pipelineFaces += found;

                    start = System.nanoTime();
                    HaarBaseline.Result classic = baseline.detect(frame.image());
                    haar.add(System.nanoTime() - start);
                    haarFaces += classic.faces();
                }
            }
            report(out, frames, decoding, pipeline, haar, pipelineFaces, haarFaces);
        } finally {
            frames.forEach(frame -> frame.image().close());
        }
        return 0;
    }

    private List<TimedFrame> decode(Timings decoding) throws Exception {
        List<TimedFrame> frames = new ArrayList<>();
        try (FrameSource frameSource = FrameSources.open(source, folderFramesPerSecond)) {
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

    private static void runPipeline(FrameAnalyzer analyzer, List<TimedFrame> frames, Timings timings) {
        analyzer.reset();
        for (TimedFrame frame : frames) {
            long start = System.nanoTime();
            analyzer.analyze(frame.image(), 0, frame.timestampMs());
            timings.add(System.nanoTime() - start);
        }
    }

    /** The frame scaled and padded into {@code --frame-size}, or as decoded when none is given. */
    private Mat fitted(Mat image) {
        if (frameSize == null) {
            return image;
        }
        String[] parts = frameSize.toLowerCase().split("x");
        int width = Integer.parseInt(parts[0]);
        int height = Integer.parseInt(parts[1]);
        double scale = Math.min((double) width / image.cols(), (double) height / image.rows());
        int scaledWidth = Math.max(1, (int) Math.round(image.cols() * scale));
        int scaledHeight = Math.max(1, (int) Math.round(image.rows() * scale));
        Mat scaled = new Mat();
        resize(image, scaled, new Size(scaledWidth, scaledHeight), 0, 0, INTER_AREA);
        Mat padded = new Mat();
        int left = (width - scaledWidth) / 2;
        int top = (height - scaledHeight) / 2;
        copyMakeBorder(scaled, padded, top, height - scaledHeight - top, left, width - scaledWidth - left,
                BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
        scaled.close();
        image.close();
        return padded;
    }

    private void report(PrintWriter out, List<TimedFrame> frames, Timings decoding, Timings pipeline, Timings haar,
                        long pipelineFaces, long haarFaces) {
        Mat first = frames.get(0).image();
        long timedFrames = (long) frames.size() * repeat;
        double speedup = haar.median() / pipeline.median();
        out.printf("source      %s (%d frames of %dx%d, %d runs, 1 thread)%n", source, frames.size(), first.cols(),
                first.rows(), repeat);
        out.printf("decode      median %7.2f ms  p95 %7.2f ms%n", decoding.median(), decoding.p95());
        out.printf("pipeline    median %7.2f ms  p95 %7.2f ms  %6.1f fps  %.2f faces/frame%n", pipeline.median(),
                pipeline.p95(), 1000 / pipeline.median(), (double) pipelineFaces / timedFrames);
        out.printf("haar        median %7.2f ms  p95 %7.2f ms  %6.1f fps  %.2f faces/frame%n", haar.median(), haar.p95(),
                1000 / haar.median(), (double) haarFaces / timedFrames);
        out.printf("speedup     %.1fx (Haar median / pipeline median)%n", speedup);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("source", source.toString());
        figures.put("frames", frames.size());
        figures.put("width", first.cols());
        figures.put("height", first.rows());
        figures.put("repeat", repeat);
        figures.put("decodeMsMedian", rounded(decoding.median()));
        figures.put("decodeMsP95", rounded(decoding.p95()));
        figures.put("pipelineMsMedian", rounded(pipeline.median()));
        figures.put("pipelineMsP95", rounded(pipeline.p95()));
        figures.put("pipelineFps", rounded(1000 / pipeline.median()));
        figures.put("pipelineFacesPerFrame", rounded((double) pipelineFaces / timedFrames));
        figures.put("baselineMsMedian", rounded(haar.median()));
        figures.put("baselineMsP95", rounded(haar.p95()));
        figures.put("baselineFps", rounded(1000 / haar.median()));
        figures.put("baselineFacesPerFrame", rounded((double) haarFaces / timedFrames));
        figures.put("speedup", rounded(speedup));
        out.println(new Gson().toJson(figures));
        out.flush();
    }

    private static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
