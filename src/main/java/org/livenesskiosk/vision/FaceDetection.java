package org.livenesskiosk.vision;

import java.util.List;

/**
 * One face found by BlazeFace, in frame pixels.
 *
 * @param keypoints the six BlazeFace keypoints, in the order of {@link Keypoint}
 * @param score     the detector's confidence, 0–1
 */
public record FaceDetection(Box box, List<Point2> keypoints, double score) {

    /** BlazeFace's keypoints; "right" is the person's own right, which appears on the image left. */
    public enum Keypoint { RIGHT_EYE, LEFT_EYE, NOSE_TIP, MOUTH_CENTER, RIGHT_EAR_TRAGION, LEFT_EAR_TRAGION }

    public FaceDetection {
        keypoints = List.copyOf(keypoints);
    }

    public Point2 keypoint(Keypoint which) {
        return keypoints.get(which.ordinal());
    }
}
