package org.livenesskiosk.vision;

/**
 * The rotated square of the frame that FaceMesh looks at: centred on the face, turned so that the
 * eye line is level, and enlarged around the face the way MediaPipe crops it.
 *
 * @param angle the eye line's angle in image coordinates, in radians (y down, so positive is clockwise)
 */
public record FaceRegion(double centerX, double centerY, double size, double angle) {

    /** MediaPipe enlarges the face's extent by half so that the whole head is in the crop. */
    private static final double ENLARGEMENT = 1.5;

    /** The region for a freshly detected face: its box, turned by its eye keypoints. */
    public static FaceRegion fromDetection(FaceDetection face) {
        Point2 rightEye = face.keypoint(FaceDetection.Keypoint.RIGHT_EYE);
        Point2 leftEye = face.keypoint(FaceDetection.Keypoint.LEFT_EYE);
        double angle = Math.atan2(leftEye.y() - rightEye.y(), leftEye.x() - rightEye.x());
        Box box = face.box();
        return new FaceRegion(box.centerX(), box.centerY(), Math.max(box.width(), box.height()) * ENLARGEMENT, angle);
    }

    /** The region for the next frame, from this frame's landmarks: how a face is tracked without the detector. */
    public static FaceRegion fromLandmarks(FaceLandmarks landmarks) {
        Point2 rightEyeOuter = landmarks.point(MeshIndex.RIGHT_EYE_OUTER);
        Point2 leftEyeOuter = landmarks.point(MeshIndex.LEFT_EYE_OUTER);
        double angle = Math.atan2(leftEyeOuter.y() - rightEyeOuter.y(), leftEyeOuter.x() - rightEyeOuter.x());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // The extent of the landmarks along the eye line (u) and across it (v).
        double minU = Double.MAX_VALUE;
        double maxU = -Double.MAX_VALUE;
        double minV = Double.MAX_VALUE;
        double maxV = -Double.MAX_VALUE;
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            double u = landmarks.x(i) * cos + landmarks.y(i) * sin;
            double v = -landmarks.x(i) * sin + landmarks.y(i) * cos;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        double centerU = (minU + maxU) / 2;
        double centerV = (minV + maxV) / 2;
        return new FaceRegion(centerU * cos - centerV * sin, centerU * sin + centerV * cos,
                Math.max(maxU - minU, maxV - minV) * ENLARGEMENT, angle);
    }

    /** The axis-aligned box around the rotated square. */
    public Box bounds() {
        double half = size / 2 * (Math.abs(Math.cos(angle)) + Math.abs(Math.sin(angle)));
        return new Box(centerX - half, centerY - half, 2 * half, 2 * half);
    }
}
