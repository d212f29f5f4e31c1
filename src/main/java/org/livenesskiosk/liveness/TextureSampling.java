package org.livenesskiosk.liveness;

import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.FrameAnalysis;

/**
 * Which frames the texture network scores. Only frames it can judge: one face, turned at most
 * {@link #MAX_ANGLE_DEGREES} either way, lit neither too dark nor blown out, sharp, and surely a
 * face — dark, strongly turned or backlit live faces score low on it, and a score there would
 * only fail a genuine customer. And only one such frame every {@link #SPACING_MS}: the network
 * costs about 5 ms a face, so scoring a sample keeps the per-frame pipeline within its budget
 * while a session of a few seconds still gives well over the {@link PassiveCues#MIN_TEXTURED_FRAMES}
 * its summary needs. Time is the frames' own, so the kiosk and the service's re-run of its
 * recording pick the same frames.
 */
public final class TextureSampling {

    static final double MAX_ANGLE_DEGREES = 25;
    /** At most ten scored frames a second. */
    static final long SPACING_MS = 100;

    private long lastScoredMs = Long.MIN_VALUE;

    /** Whether to score this frame's main face; a frame it answers true for counts as scored. */
    public boolean wants(FrameAnalysis frame) {
        if (!fit(frame) || (lastScoredMs != Long.MIN_VALUE && frame.timestampMs() - lastScoredMs < SPACING_MS)) {
            return false;
        }
        lastScoredMs = frame.timestampMs();
        return true;
    }

    /** One face, frontal enough, well lit, sharp and surely a face. */
    static boolean fit(FrameAnalysis frame) {
        if (frame.faceCount() != 1 || frame.mainFace().isEmpty()) {
            return false;
        }
        FaceMetrics face = frame.mainFace().get().metrics();
        return Math.abs(face.pose().yawDegrees()) <= MAX_ANGLE_DEGREES
                && Math.abs(face.pose().pitchDegrees()) <= MAX_ANGLE_DEGREES
                && !Preparation.isDark(face) && !Preparation.isBlownOut(face)
                && face.exposure().sharpness() >= BestImageScore.MIN_SHARPNESS
                && face.presence() >= Preparation.MIN_PRESENCE;
    }
}
