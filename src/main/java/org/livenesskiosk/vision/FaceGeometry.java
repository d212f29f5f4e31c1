package org.livenesskiosk.vision;

/** The shape metrics of a face (eyes, mouth), computed from its landmarks alone. */
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
}
