package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.vision.Box;
import org.livenesskiosk.vision.FaceExposure;
import org.livenesskiosk.vision.FaceLandmarks;
import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.HeadPose;

/**
 * One face's metrics, ready for the actions and fit for the best image unless a test changes one
 * value: so that each rule can be tried exactly at its limit and just past it.
 */
final class TestFaces {

    /** Eye aspect ratio of the open eyes: the best image's eye rule is then a plain share. */
    static final double OPEN_EYES = 1.0;

    double eyes = OPEN_EYES;
    double mouth = 0.02;
    double yaw;
    double pitch;
    /** Between what 40 and 80 cm give with the default 60° camera (0.16 and 0.32). */
    double relativeSize = 0.25;
    double offsetX;
    double offsetY;
    double brightness = 130;
    double underExposed = 0.02;
    double overExposed = 0.01;
    double sharpness = 500;
    double presence = 1;

    static TestFaces ready() {
        return new TestFaces();
    }

    FaceMetrics metrics() {
        return new FaceMetrics(eyes, eyes, mouth, new HeadPose(yaw, pitch, 0), new Box(200, 150, 240, 300), relativeSize,
                offsetX, offsetY, new FaceExposure(brightness, underExposed, overExposed, sharpness), 0, presence);
    }

    /** A 640×480 frame showing this face and {@code others} more that could not be measured. */
    FrameAnalysis frame(int others) {
        FaceObservation face = new FaceObservation(1, new FaceLandmarks(new float[3 * FaceLandmarks.COUNT], 1), metrics());
        List<Box> otherFaces = new ArrayList<>();
        for (int i = 0; i < others; i++) {
            otherFaces.add(new Box(10 + 60 * i, 10, 50, 60));
        }
        return new FrameAnalysis(0, 0, 640, 480, List.of(face), otherFaces, Optional.empty());
    }

    FrameAnalysis frame() {
        return frame(0);
    }

    static FrameAnalysis noFace() {
        return new FrameAnalysis(0, 0, 640, 480, List.of(), List.of(), Optional.empty());
    }
}
