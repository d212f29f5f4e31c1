package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.vision.Box;
import org.livenesskiosk.vision.FaceExposure;
import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.HeadPose;

/** A scripted stream of one person's metrics at a fixed frame rate, for driving detectors without video. */
final class ScriptedFace {

    static final double OPEN_EYES = 0.30;
    static final double CLOSED_MOUTH = 0.02;

    private final double framesPerSecond;
    private final long startMs;
    private final List<FaceMetrics> frames = new ArrayList<>();

    ScriptedFace(double framesPerSecond) {
        this(framesPerSecond, 0);
    }

    /** A script whose first frame comes at {@code startMs}, to continue an earlier one. */
    ScriptedFace(double framesPerSecond, long startMs) {
        this.framesPerSecond = framesPerSecond;
        this.startMs = startMs;
    }

    static FaceMetrics metrics(double eyeAspectRatio, double mouthOpening, double yaw, double pitch) {
        return new FaceMetrics(eyeAspectRatio, eyeAspectRatio, mouthOpening, new HeadPose(yaw, pitch, 0),
                new Box(200, 150, 240, 300), 0.375, 0, 0, new FaceExposure(130, 0.02, 0.01, 500), 0, 1);
    }

    /** Holds the given metrics for a stretch of time. */
    ScriptedFace hold(long durationMs, double eyes, double mouth, double yaw, double pitch) {
        long count = Math.round(durationMs * framesPerSecond / 1000);
        for (long i = 0; i < count; i++) {
            frames.add(metrics(eyes, mouth, yaw, pitch));
        }
        return this;
    }

    /** A neutral, frontal face with open eyes and closed mouth. */
    ScriptedFace neutral(long durationMs) {
        return hold(durationMs, OPEN_EYES, CLOSED_MOUTH, 0, 0);
    }

    ScriptedFace eyes(long durationMs, double eyeAspectRatio) {
        return hold(durationMs, eyeAspectRatio, CLOSED_MOUTH, 0, 0);
    }

    ScriptedFace mouth(long durationMs, double mouthOpening) {
        return hold(durationMs, OPEN_EYES, mouthOpening, 0, 0);
    }

    ScriptedFace yaw(long durationMs, double yaw) {
        return hold(durationMs, OPEN_EYES, CLOSED_MOUTH, yaw, 0);
    }

    ScriptedFace pitch(long durationMs, double pitch) {
        return hold(durationMs, OPEN_EYES, CLOSED_MOUTH, 0, pitch);
    }

    /** Runs the script through a detector and returns every action it reported. */
    List<ActionEvent> run(ActionDetector detector) {
        List<ActionEvent> events = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Optional<ActionEvent> event = detector.accept(frames.get(i), timeOf(i));
            event.ifPresent(events::add);
        }
        return events;
    }

    long timeOf(int frame) {
        return startMs + Math.round(frame * 1000 / framesPerSecond);
    }
}
