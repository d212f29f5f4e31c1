package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.HeadPose;
import org.livenesskiosk.vision.PlanarFit;
import org.livenesskiosk.vision.TextureScore;

/**
 * Gathers the passive cues over a session's frames: each scored frame's texture, and the
 * flatness of the face between its most frontal view and every view turned or nodded far enough
 * from it. Frames must come in time order. Not thread-safe.
 */
public final class PassiveEvidence {

    /** Two views of a face this far apart in yaw or pitch show its depth, if it has any. */
    static final double MIN_POSE_CHANGE_DEGREES = 10;
    /** The frontal view flatness is measured from: within this of straight ahead. */
    static final double MAX_REFERENCE_DEGREES = 10;

    /** Read only when the session ends: the last may still be being scored on the analyser's side thread. */
    private final List<TextureScore> textures = new ArrayList<>();
    private final List<Double> residuals = new ArrayList<>();
    private FaceObservation reference;

    public void accept(FrameAnalysis frame) {
        frame.texture().ifPresent(textures::add);
        if (frame.faceCount() != 1 || frame.mainFace().isEmpty()) {
            return;
        }
        FaceObservation face = frame.mainFace().get();
        if (face.metrics().presence() < Preparation.MIN_PRESENCE) {
            return;
        }
        HeadPose pose = face.metrics().pose();
        double turn = Math.max(Math.abs(pose.yawDegrees()), Math.abs(pose.pitchDegrees()));
        if (turn <= MAX_REFERENCE_DEGREES && (reference == null || turn < turnOf(reference))) {
            reference = face;
        } else if (reference != null && poseChange(reference.metrics().pose(), pose) >= MIN_POSE_CHANGE_DEGREES) {
            double residual = PlanarFit.residual(reference.landmarks(), face.landmarks());
            if (Double.isFinite(residual)) {
                residuals.add(residual);
            }
        }
    }

    public PassiveCues cues() {
        List<Double> scores = textures.stream().map(TextureScore::realProbability).toList();
        return new PassiveCues(median(scores), scores.size(), median(residuals), residuals.size(), OptionalDouble.empty());
    }

    private static double turnOf(FaceObservation face) {
        HeadPose pose = face.metrics().pose();
        return Math.max(Math.abs(pose.yawDegrees()), Math.abs(pose.pitchDegrees()));
    }

    private static double poseChange(HeadPose from, HeadPose to) {
        return Math.max(Math.abs(to.yawDegrees() - from.yawDegrees()), Math.abs(to.pitchDegrees() - from.pitchDegrees()));
    }

    static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }
}
