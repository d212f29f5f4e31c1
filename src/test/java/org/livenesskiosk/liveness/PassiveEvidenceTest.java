package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.PassiveCues.Reading;
import org.livenesskiosk.vision.FaceLandmarks;
import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.TextureScore;

/**
 * The shape cue from first principles: MediaPipe's canonical face, in centimetres, seen by a
 * pinhole camera 60 cm away while it turns. A real head has depth, so no homography maps one view
 * onto another; a photograph of the same face (every point on one plane), turned the same way,
 * is mapped exactly — up to the landmarks' own jitter, which the test adds.
 */
class PassiveEvidenceTest {

    private static final double DISTANCE_CM = 60;
    private static final double FOCAL_PIXELS = 600;
    /** FaceMesh's landmarks wander about this much between frames of a still face. */
    private static final double JITTER_PIXELS = 0.5;

    private static List<double[]> canonical;

    @BeforeAll
    static void readCanonicalFace() throws IOException {
        canonical = new ArrayList<>();
        try (InputStream in = PassiveEvidenceTest.class.getResourceAsStream("/models/canonical_face_model.obj")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\\R")) {
                String[] fields = line.trim().split("\\s+");
                if (fields[0].equals("v") && canonical.size() < FaceLandmarks.COUNT) {
                    canonical.add(new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                        Double.parseDouble(fields[3])});
                }
            }
        }
    }

    /** The face turned by {@code yaw} degrees, with its depth or flattened onto a photo, as the camera sees it. */
    private static FrameAnalysis view(double yaw, boolean photo, long timeMs, Random jitter) {
        double angle = Math.toRadians(yaw);
        float[] xyz = new float[3 * FaceLandmarks.COUNT];
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            double[] point = canonical.get(i);
            double depth = photo ? 0 : point[2];
            double x = point[0] * Math.cos(angle) + depth * Math.sin(angle);
            double z = -point[0] * Math.sin(angle) + depth * Math.cos(angle);
            double scale = FOCAL_PIXELS / (DISTANCE_CM - z);
            xyz[3 * i] = (float) (320 + x * scale + jitter.nextGaussian() * JITTER_PIXELS);
            xyz[3 * i + 1] = (float) (240 - point[1] * scale + jitter.nextGaussian() * JITTER_PIXELS);
        }
        TestFaces face = TestFaces.ready();
        face.yaw = yaw;
        FaceObservation observed = new FaceObservation(1, new FaceLandmarks(xyz, 1), face.metrics());
        return new FrameAnalysis(0, timeMs, 640, 480, List.of(observed), List.of(), Optional.empty());
    }

    private static PassiveCues headTurn(boolean photo) {
        Random jitter = new Random(7);
        PassiveEvidence evidence = new PassiveEvidence();
        long timeMs = 0;
        for (double yaw : new double[] {0, 2, 5, 8, 11, 14, 17, 20, 17, 14, 11, 8, 4, 0}) {
            evidence.accept(view(yaw, photo, timeMs += 33, jitter));
        }
        return evidence.cues();
    }

    @Test
    void aRealHeadTurningShowsItsDepth() {
        PassiveCues cues = headTurn(false);
        assertTrue(cues.flatPairs() >= PassiveCues.MIN_FLAT_PAIRS, "pairs " + cues.flatPairs());
        assertTrue(cues.flatness().getAsDouble() >= PassiveCues.DEPTH_LIVE, "flatness " + cues.flatness());
        assertEquals(Reading.LIVE, cues.flatnessReading());
    }

    @Test
    void aPhotoTurnedTheSameWayIsFlat() {
        PassiveCues cues = headTurn(true);
        assertTrue(cues.flatness().getAsDouble() < PassiveCues.FLAT_ATTACK, "flatness " + cues.flatness());
        assertEquals(Reading.ATTACK, cues.flatnessReading());
        assertEquals(PassiveVerdict.ATTACK, PassiveVerdict.of(cues));
    }

    @Test
    void viewsTooCloseInPoseAreNotCompared() {
        Random jitter = new Random(7);
        PassiveEvidence evidence = new PassiveEvidence();
        for (int i = 0; i < 20; i++) {
            evidence.accept(view(i % 2 == 0 ? 0 : Math.nextDown(PassiveEvidence.MIN_POSE_CHANGE_DEGREES), true, i * 33L, jitter));
        }
        assertEquals(0, evidence.cues().flatPairs());
        assertEquals(Reading.ABSENT, evidence.cues().flatnessReading());
    }

    @Test
    void theTextureSummaryIsTheMedianOfTheScoredFrames() {
        PassiveEvidence evidence = new PassiveEvidence();
        double[] scores = {0.9, 0.1, 0.95, 0.99, 0.2};
        for (int i = 0; i < scores.length; i++) {
            evidence.accept(TestFaces.ready().frame().withTexture(TextureScore.of(scores[i])));
        }
        evidence.accept(TestFaces.ready().frame());
        assertEquals(5, evidence.cues().texturedFrames());
        assertEquals(0.9, evidence.cues().texture().getAsDouble());
        assertEquals(0.5, PassiveEvidence.median(List.of(0.0, 1.0)).getAsDouble());
    }
}
