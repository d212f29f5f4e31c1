package org.livenesskiosk.vision;

/** The shape metrics of a face, computed from its landmarks alone. */
public final class FaceGeometry {

    private FaceGeometry() {
    }

    /** Eye aspect ratio of the person's right eye (image left): about 0.25–0.35 open, under 0.15 closed. */
    public static double rightEyeAspectRatio(FaceLandmarks face) {
        return eyeAspectRatio(face, MeshIndex.RIGHT_EYE);
    }

    /** Eye aspect ratio of the person's left eye (image right). */
    public static double leftEyeAspectRatio(FaceLandmarks face) {
        return eyeAspectRatio(face, MeshIndex.LEFT_EYE);
    }

    /** (|p2−p6| + |p3−p5|) / (2·|p1−p4|), the eye aspect ratio of Soukupová and Čech. */
    private static double eyeAspectRatio(FaceLandmarks face, int[] eye) {
        double width = face.point(eye[0]).distanceTo(face.point(eye[3]));
        if (width <= 0) {
            return 0;
        }
        double heights = face.point(eye[1]).distanceTo(face.point(eye[5]))
                + face.point(eye[2]).distanceTo(face.point(eye[4]));
        return heights / (2 * width);
    }

    /** Mean gap between the inner lips over the inner mouth width: near 0 closed, above 0.5 wide open. */
    public static double mouthOpening(FaceLandmarks face) {
        double width = face.point(MeshIndex.INNER_MOUTH_RIGHT).distanceTo(face.point(MeshIndex.INNER_MOUTH_LEFT));
        if (width <= 0) {
            return 0;
        }
        double gaps = 0;
        for (int[] pair : MeshIndex.INNER_LIP_PAIRS) {
            gaps += face.point(pair[0]).distanceTo(face.point(pair[1]));
        }
        return gaps / MeshIndex.INNER_LIP_PAIRS.length / width;
    }

    /**
     * Head pose from the mesh's own 3-D shape: the eye-to-eye axis and the eye-to-chin axis span the
     * face plane, and the nose points along their normal. This needs no camera calibration and no
     * generic head model, because FaceMesh's depth is on the same scale as x and y.
     */
    public static HeadPose headPose(FaceLandmarks face) {
        double[] right = normalized(difference(face, MeshIndex.LEFT_EYE_OUTER, MeshIndex.RIGHT_EYE_OUTER));
        double[] eyeCenter = {
            (face.x(MeshIndex.RIGHT_EYE_OUTER) + face.x(MeshIndex.LEFT_EYE_OUTER)) / 2,
            (face.y(MeshIndex.RIGHT_EYE_OUTER) + face.y(MeshIndex.LEFT_EYE_OUTER)) / 2,
            (face.z(MeshIndex.RIGHT_EYE_OUTER) + face.z(MeshIndex.LEFT_EYE_OUTER)) / 2,
        };
        double[] down = {
            face.x(MeshIndex.CHIN) - eyeCenter[0],
            face.y(MeshIndex.CHIN) - eyeCenter[1],
            face.z(MeshIndex.CHIN) - eyeCenter[2],
        };
        // Make "down" perpendicular to "right", so the two are a proper frame of the face plane.
        double along = dot(down, right);
        down = normalized(new double[] {down[0] - along * right[0], down[1] - along * right[1], down[2] - along * right[2]});
        // Camera axes: x right, y down, z away from the camera; down × right points out of the face.
        double[] nose = cross(down, right);
        double yaw = Math.toDegrees(Math.atan2(nose[0], -nose[2]));
        double pitch = Math.toDegrees(Math.atan2(-nose[1], Math.hypot(nose[0], nose[2])));
        double roll = Math.toDegrees(Math.atan2(right[1], right[0]));
        return new HeadPose(yaw, pitch, roll);
    }

    private static double[] difference(FaceLandmarks face, int to, int from) {
        return new double[] {face.x(to) - face.x(from), face.y(to) - face.y(from), face.z(to) - face.z(from)};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalized(double[] v) {
        double length = Math.sqrt(dot(v, v));
        return length == 0 ? v : new double[] {v[0] / length, v[1] / length, v[2] / length};
    }
}
