package org.livenesskiosk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.liveness.LightCheck;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.pipeline.SkinLight;
import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;

/**
 * The light check measured on real clips lit by the reflection model ({@link ScreenReflection}):
 * how often a live face's answer is refused (BPCER) and an attack's passes (APCER), from a dim
 * branch to one where the room's light drowns the screen's, and what the check costs against the
 * re-run of the same frames, which the service does anyway.
 *
 * <p>Each clip is cut where its person sits still (from its first second on, for a light step's
 * length); each draw is a sequence as the service draws it (seeded, so a run can be repeated); each
 * frame is lit, then analysed again as the service analyses the kiosk's recording.
 */
public final class LightBench {

    /** The screen's light on the face against the room's: a dim branch, an ordinary one, a bright one, a sunlit one. */
    public static final double[] STRENGTHS = {1.0, 0.6, 0.25, 0.1};
    /** Where in a clip the light step is played. */
    private static final long START_MS = 1_000;
    /** The screen's first colour comes this long after the step began; the camera sees it this late. */
    private static final long SCREEN_DELAY_MS = 300;
    private static final long CAMERA_LAG_MS = 70;
    private static final double SENSOR_NOISE = 2;

    /** The attacks, each as the scene answers the colours. */
    private enum Attack { NO_ANSWER, OTHER_SEQUENCE, LATE_300_MS, LATE_1_S, FLAT_FRAME, FLAT_FACE }

    /** A strength's outcomes: live answers refused, attacks passed. */
    public record Rates(double strength, int genuine, int genuineRefused, int attacks, int attacksPassed) {
        public double bpcer() {
            return genuine == 0 ? 0 : (double) genuineRefused / genuine;
        }

        public double apcer() {
            return attacks == 0 ? 0 : (double) attacksPassed / attacks;
        }
    }

    /**
     * @param rates          per strength of the screen's light
     * @param rerun          the re-run's analysis of each frame of the step (ms)
     * @param measure        the light measured in each frame of the step (ms)
     * @param judge          the check over one step's frames (ms)
     * @param framesPerStep  frames of a face during one step, on average
     */
    public record Figures(List<Rates> rates, Timings rerun, Timings measure, Timings judge, double framesPerStep) {

        /** The check's cost against the re-run of the step's frames alone: an upper bound of its share of a whole session's. */
        public double costShare() {
            return (measure.mean() * framesPerStep + judge.mean()) / (rerun.mean() * framesPerStep);
        }

        /** Every outcome counted, per attack and per strength, for the JSON. */
        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rates", rates.stream().map(rate -> Map.of("strength", rate.strength(), "genuine", rate.genuine(),
                    "bpcer", rate.bpcer(), "attacks", rate.attacks(), "apcer", rate.apcer())).toList());
            json.put("rerunMsPerFrame", rerun.mean());
            json.put("measureMsPerFrame", measure.mean());
            json.put("judgeMsPerStep", judge.mean());
            json.put("costShareOfRerun", costShare());
            return json;
        }
    }

    /**
     * A stretch of a real clip where its person sits still, each frame with its face found unlit:
     * what the reflection model lights, again and again, for each sequence and scene.
     */
    public static final class StillClip implements AutoCloseable {

        private record Recorded(Mat image, long timeMs, Optional<FaceObservation> face) {
        }

        private final List<Recorded> frames;

        private StillClip(List<Recorded> frames) {
            this.frames = frames;
        }

        /** The clip's frames from {@code fromMs} for {@code spanMs}. */
        public static StillClip of(FrameAnalyzer analyzer, Path clip, long fromMs, long spanMs) throws CaptureException {
            List<Recorded> frames = new ArrayList<>();
            analyzer.reset();
            try (FrameSource source = FrameSources.open(clip, 25)) {
                for (Optional<Frame> next = source.next(); next.isPresent(); next = source.next()) {
                    try (Frame frame = next.get()) {
                        if (frame.timestampMs() < fromMs) {
                            continue;
                        }
                        if (frame.timestampMs() > fromMs + spanMs) {
                            break;
                        }
                        FrameAnalysis analysis = analyzer.analyze(frame.image(), frame.index(), frame.timestampMs());
                        frames.add(new Recorded(frame.image().clone(), frame.timestampMs(), analysis.mainFace()));
                    }
                }
            }
            if (frames.stream().noneMatch(frame -> frame.face().isPresent())) {
                throw new CaptureException(clip + " shows no face from " + fromMs + " ms on");
            }
            return new StillClip(frames);
        }

        public long firstMs() {
            return frames.get(0).timeMs();
        }

        /** The gain the camera holds for the step: set on the first frame with a face ({@link ScreenReflection#exposureFor}). */
        public double exposure() {
            Recorded first = frames.stream().filter(frame -> frame.face().isPresent()).findFirst().orElseThrow();
            return ScreenReflection.exposureFor(first.image(), first.face().get().metrics().box());
        }

        /** The light measured in each frame as the camera would have seen it lit, analysed again as the service does. */
        public List<LightCheck.Sample> lit(FrameAnalyzer analyzer, ScreenReflection light, Timings rerun, Timings measure) {
            List<LightCheck.Sample> samples = new ArrayList<>();
            analyzer.reset();
            for (Recorded frame : frames) {
                try (Mat seen = light.render(frame.image(), frame.face().map(FaceObservation::landmarks), frame.timeMs())) {
                    long start = System.nanoTime();
                    FrameAnalysis analysis = analyzer.analyze(seen, samples.size(), frame.timeMs());
                    rerun.add(System.nanoTime() - start);
                    Optional<FaceObservation> face = analysis.mainFace();
                    if (face.isPresent()) {
                        start = System.nanoTime();
                        samples.add(SkinLight.sample(seen, face.get().landmarks(), face.get().metrics().box(), frame.timeMs()));
                        measure.add(System.nanoTime() - start);
                    }
                }
            }
            return samples;
        }

        /** What the service would judge of the frames lit by {@code light}, the screen having shown {@code shown}. */
        public LightCheck.Verdict judge(FrameAnalyzer analyzer, ScreenReflection light, List<LightSequence.Shown> shown) {
            return LightCheck.judge(lit(analyzer, light, new Timings(), new Timings()), shown);
        }

        @Override
        public void close() {
            frames.forEach(frame -> frame.image().close());
        }
    }

    private LightBench() {
    }

    /** Plays {@code draws} sequences into each clip at each strength, with every attack beside each. */
    public static Figures run(FrameAnalyzer analyzer, List<Path> clips, int draws) throws CaptureException {
        Map<Double, int[]> counts = new LinkedHashMap<>();
        Timings rerun = new Timings();
        Timings measure = new Timings();
        Timings judge = new Timings();
        long frames = 0;
        long steps = 0;
        long spanMs = LightSequence.MAX_FLASHES * LightSequence.MAX_HOLD_MS + SCREEN_DELAY_MS + 1_500;
        for (Path clip : clips) {
            try (StillClip still = StillClip.of(analyzer, clip, START_MS, spanMs)) {
                double exposure = still.exposure();
                for (int draw = 0; draw < draws; draw++) {
                    LightSequence asked = LightSequence.draw(new Random(draw));
                    LightSequence other = LightSequence.draw(new Random(draw + 1_000));
                    List<LightSequence.Shown> shown = asked.shownFrom(still.firstMs() + SCREEN_DELAY_MS);
                    for (double strength : STRENGTHS) {
                        int[] count = counts.computeIfAbsent(strength, key -> new int[4]);
                        List<LightCheck.Sample> samples = still.lit(analyzer, new ScreenReflection(shown, ScreenReflection.Kind.FACE,
                                strength, CAMERA_LAG_MS, SENSOR_NOISE, exposure, draw), rerun, measure);
                        frames += samples.size();
                        steps++;
                        long start = System.nanoTime();
                        LightCheck.Verdict live = LightCheck.judge(samples, shown);
                        judge.add(System.nanoTime() - start);
                        count[0]++;
                        count[1] += live.outcome() == LightCheck.Outcome.LIVE ? 0 : 1;
                        for (Attack attack : Attack.values()) {
                            ScreenReflection scene = switch (attack) {
                                case NO_ANSWER -> new ScreenReflection(shown, ScreenReflection.Kind.NONE, strength, CAMERA_LAG_MS,
                                        SENSOR_NOISE, exposure, draw);
                                case OTHER_SEQUENCE -> new ScreenReflection(other.shownFrom(shown.get(0).fromMs()),
                                        ScreenReflection.Kind.FACE, strength, CAMERA_LAG_MS, SENSOR_NOISE, exposure, draw);
                                case LATE_300_MS -> new ScreenReflection(shown, ScreenReflection.Kind.FACE, strength, CAMERA_LAG_MS + 300,
                                        SENSOR_NOISE, exposure, draw);
                                case LATE_1_S -> new ScreenReflection(shown, ScreenReflection.Kind.FACE, strength, CAMERA_LAG_MS + 1_000,
                                        SENSOR_NOISE, exposure, draw);
                                case FLAT_FRAME -> new ScreenReflection(shown, ScreenReflection.Kind.UNIFORM_FRAME, strength,
                                        CAMERA_LAG_MS, SENSOR_NOISE, exposure, draw);
                                case FLAT_FACE -> new ScreenReflection(shown, ScreenReflection.Kind.UNIFORM_FACE, strength,
                                        CAMERA_LAG_MS, SENSOR_NOISE, exposure, draw);
                            };
                            count[2]++;
                            count[3] += still.judge(analyzer, scene, shown).outcome() == LightCheck.Outcome.LIVE ? 1 : 0;
                        }
                    }
                }
            }
        }
        List<Rates> rates = new ArrayList<>();
        counts.forEach((strength, count) -> rates.add(new Rates(strength, count[0], count[1], count[2], count[3])));
        return new Figures(rates, rerun, measure, judge, steps == 0 ? 0 : (double) frames / steps);
    }
}
