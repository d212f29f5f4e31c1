package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.ActionEvent;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.testdata.LabelledEvents;
import org.livenesskiosk.testdata.SharedData;

/** The pipeline and the action detectors on the shared clips, against their hand-checked events. */
class ClipsTest {

    /** How far a detected action may lie from its label: labels are frame-exact, our events end on reopening. */
    private static final long TOLERANCE_MS = 200;

    private static Models models;

    @BeforeAll
    static void loadModels() {
        models = Models.fromClasspath();
    }

    private static ClipRun run(String clip) throws Exception {
        return ClipRun.of(SharedData.video(clip + ".avi"), models);
    }

    /**
     * Over every clip with blink labels: recall at least 0.95, and at most one false blink a
     * minute. A blink inside a labelled eye event that is not a plain blink (eyes kept closed, a
     * wink, a half blink, a squint) is neither found nor false.
     */
    @Test
    void findsTheLabelledBlinks() throws Exception {
        List<String> clips = List.of("hdtf_WDA_AlexandriaOcasioCortez_000_blinks", "liveportrait_d14_woman_blinks_eyeclosure",
                "liveportrait_d18_man_yawn_mouth_open", "talkingface_franck_part1_000-100s");
        int labelled = 0;
        int found = 0;
        List<ActionEvent> falseBlinks = new ArrayList<>();
        double minutes = 0;
        for (String clip : clips) {
            ClipRun run = run(clip);
            minutes += run.frames().get(run.frames().size() - 1).timestampMs() / 60_000.0;
            List<LabelledEvents.Event> labels = LabelledEvents.of(clip);
            List<ActionEvent> blinks = run.events().stream().filter(e -> e.type() == ActionType.BLINK).toList();
            for (LabelledEvents.Event label : labels) {
                if (label.kind().equals("blink")) {
                    labelled++;
                    if (blinks.stream().anyMatch(b -> label.overlaps(b.startMs(), b.endMs(), TOLERANCE_MS))) {
                        found++;
                    }
                }
            }
            for (ActionEvent blink : blinks) {
                if (labels.stream().noneMatch(label -> label.overlaps(blink.startMs(), blink.endMs(), TOLERANCE_MS))) {
                    falseBlinks.add(blink);
                }
            }
        }
        double recall = (double) found / labelled;
        assertTrue(recall >= 0.95, "blink recall " + recall + " (" + found + " of " + labelled + ")");
        assertTrue(falseBlinks.size() <= minutes, falseBlinks.size() + " false blinks in " + minutes + " minutes: " + falseBlinks);
    }

    @Test
    void findsTheWideOpenMouthsAndNothingElseInAStillHead() throws Exception {
        ClipRun run = run("liveportrait_d18_man_yawn_mouth_open");
        List<ActionEvent> mouths = run.events().stream().filter(e -> e.type() == ActionType.MOUTH).toList();

        assertEquals(2, mouths.size(), mouths.toString());
        assertEquals(2130, mouths.get(0).startMs(), TOLERANCE_MS);
        assertEquals(3230, mouths.get(0).endMs(), TOLERANCE_MS);
        assertEquals(3900, mouths.get(1).startMs(), TOLERANCE_MS);
        assertEquals(5200, mouths.get(1).endMs(), TOLERANCE_MS);
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
