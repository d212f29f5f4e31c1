package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.bench.BlinkScore;
import org.livenesskiosk.bench.LabelledEvent;
import org.livenesskiosk.liveness.ActionEvent;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.testdata.SharedData;

/** The pipeline and the action detectors on the shared clips, against their hand-checked events. */
class ClipsTest {

    /** Mouth labels are frame-exact; our actions start and end at the hysteresis thresholds. */
    private static final long MOUTH_TOLERANCE_MS = 200;

    private static Models models;

    @BeforeAll
    static void loadModels() {
        models = Models.fromClasspath();
    }

    private static ClipRun run(String clip) throws Exception {
        return ClipRun.of(SharedData.video(clip + ".avi"), models);
    }

    /** Over every clip with blink labels: recall at least 0.95, and at most one false blink a minute. */
    @Test
    void findsTheLabelledBlinks() throws Exception {
        BlinkScore score = BlinkScore.NONE;
        for (String clip : List.of("hdtf_WDA_AlexandriaOcasioCortez_000_blinks", "liveportrait_d14_woman_blinks_eyeclosure",
                "liveportrait_d18_man_yawn_mouth_open", "talkingface_franck_part1_000-100s")) {
            ClipRun run = run(clip);
            double minutes = run.frames().get(run.frames().size() - 1).timestampMs() / 60_000.0;
            List<LabelledEvent> labels = LabelledEvent.read(SharedData.annotation(clip + ".events.csv"));
            score = score.plus(BlinkScore.of(run.events(), labels, minutes));
        }
        assertTrue(score.recall() >= 0.95, score.toString());
        assertTrue(score.falseBlinksPerMinute() <= 1, score.toString());
    }

    @Test
    void findsTheWideOpenMouthsAndNothingElseInAStillHead() throws Exception {
        ClipRun run = run("liveportrait_d18_man_yawn_mouth_open");
        List<ActionEvent> mouths = run.events().stream().filter(e -> e.type() == ActionType.MOUTH).toList();

        assertEquals(2, mouths.size(), mouths.toString());
        assertEquals(2130, mouths.get(0).startMs(), MOUTH_TOLERANCE_MS);
        assertEquals(3230, mouths.get(0).endMs(), MOUTH_TOLERANCE_MS);
        assertEquals(3900, mouths.get(1).startMs(), MOUTH_TOLERANCE_MS);
        assertEquals(5200, mouths.get(1).endMs(), MOUTH_TOLERANCE_MS);
        assertTrue(run.events().stream().noneMatch(e -> e.type() == ActionType.POS_YAW || e.type() == ActionType.NOD),
                run.events().toString());
    }

    /** The labelled clear turn (43.0–45.8 s), nose toward the image right: yaw rises by 10° or more, positive. */
    @Test
    void measuresTheSideAndSizeOfAHeadTurn() throws Exception {
        ClipRun run = run("talkingface_franck_part1_000-100s");
        double before = meanYaw(run.between(40_000, 42_500));
        double peak = run.between(43_000, 45_800).stream()
                .mapToDouble(f -> f.mainFace().orElseThrow().metrics().pose().yawDegrees()).max().orElseThrow();

        assertTrue(peak - before >= 10, "yaw went from " + before + " to " + peak);
    }

    @Test
    void seesNoFaceAmongDistantPedestrians() throws Exception {
        ClipRun run = run("opencv_vtest_pedestrians_noface_20s");
        long withFaces = run.frames().stream().filter(f -> f.faceCount() > 0).count();

        assertTrue(withFaces <= run.frames().size() / 20, withFaces + " of " + run.frames().size() + " frames had a face");
        assertTrue(run.events().isEmpty(), run.events().toString());
    }

    @Test
    void seesOneFaceInTheCloseUpAndSeveralInTheAudience() throws Exception {
        ClipRun run = run("whitehouse_short_hamilton_clip_multiface_dim");
        List<FrameAnalysis> performer = run.between(4_000, 7_500);
        List<FrameAnalysis> audience = run.between(8_200, 9_200);

        long oneFace = performer.stream().filter(f -> f.faceCount() == 1).count();
        long severalFaces = audience.stream().filter(f -> f.faceCount() >= 2).count();
        assertTrue(oneFace >= performer.size() * 0.9, oneFace + " of " + performer.size());
        assertTrue(severalFaces >= audience.size() * 0.5, severalFaces + " of " + audience.size());
    }

    @Test
    void keepsFollowingTheSameFaceThroughATalkingClip() throws Exception {
        ClipRun run = run("hdtf_WDA_AlexandriaOcasioCortez_000_blinks");
        long trackIds = run.frames().stream().flatMap(f -> f.faces().stream()).mapToInt(FaceObservation::trackId).distinct().count();

        assertTrue(run.frames().stream().allMatch(f -> f.faceCount() == 1));
        assertEquals(1, trackIds);
    }

    private static double meanYaw(List<FrameAnalysis> frames) {
        OptionalDouble mean = frames.stream().flatMap(f -> f.mainFace().stream())
                .mapToDouble(face -> face.metrics().pose().yawDegrees()).average();
        return mean.orElseThrow();
    }
}
