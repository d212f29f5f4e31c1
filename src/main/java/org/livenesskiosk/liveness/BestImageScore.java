package org.livenesskiosk.liveness;

import java.util.OptionalDouble;

import org.livenesskiosk.vision.FaceMetrics;

/**
 * How good a frame is as the session's best image: frontal, eyes open, mouth closed, sharp, well
 * lit. Frames that fail any of these are not candidates at all.
 */
final class BestImageScore {

    static final double MAX_ANGLE_DEGREES = 15;
    /** Eyes at least this share of the customer's open size (see {@link LivenessSession}). */
    static final double MIN_EYE_OPENNESS = 0.85;
    static final double MAX_MOUTH_OPENING = 0.15;
    static final double MIN_SHARPNESS = 30;
    /** Sharpness beyond which a face is as sharp as it needs to be. */
    static final double GOOD_SHARPNESS = 400;

    private BestImageScore() {
    }

    /** A score above 0, or empty when the frame cannot be the best image. */
    static OptionalDouble of(FaceMetrics face, double openEyeAspectRatio) {
        double yaw = Math.abs(face.pose().yawDegrees());
        double pitch = Math.abs(face.pose().pitchDegrees());
        if (yaw > MAX_ANGLE_DEGREES || pitch > MAX_ANGLE_DEGREES
                || face.eyeAspectRatio() < MIN_EYE_OPENNESS * openEyeAspectRatio
                || face.mouthOpening() > MAX_MOUTH_OPENING
                || face.exposure().sharpness() < MIN_SHARPNESS
                || Preparation.isDark(face) || Preparation.isBlownOut(face)) {
            return OptionalDouble.empty();
        }
        double frontal = 1 - (yaw + pitch) / (4 * MAX_ANGLE_DEGREES);
        double sharp = Math.min(1, face.exposure().sharpness() / GOOD_SHARPNESS);
        double lit = 1 - Math.abs(face.exposure().brightness() - 128) / 256;
        return OptionalDouble.of(frontal * sharp * lit);
    }
}
