package org.livenesskiosk.vision;

/**
 * Everything measured on one face in one frame.
 *
 * @param rightEyeAspectRatio eye aspect ratio of the person's right eye (image left)
 * @param leftEyeAspectRatio  eye aspect ratio of the person's left eye (image right)
 * @param mouthOpening        inner-lip gap over mouth width
 * @param pose                yaw, pitch and roll in degrees
 * @param box                 the face's box in frame pixels (around its landmarks)
 * @param relativeSize        face width over frame width: how near the person stands
 * @param centerOffsetX       face centre minus frame centre, over frame width (−0.5 … 0.5, positive to the image right)
 * @param centerOffsetY       face centre minus frame centre, over frame height (positive down)
 * @param exposure            brightness, under- and over-exposed shares and sharpness of the face region
 * @param motion              how far the face centre moved since the previous frame, in face widths
 * @param presence            FaceMesh's confidence that this is a face, 0–1
 */
public record FaceMetrics(
        double rightEyeAspectRatio,
        double leftEyeAspectRatio,
        double mouthOpening,
        HeadPose pose,
        Box box,
        double relativeSize,
        double centerOffsetX,
        double centerOffsetY,
        FaceExposure exposure,
        double motion,
        double presence) {

    /** Mean eye aspect ratio of both eyes. */
    public double eyeAspectRatio() {
        return (rightEyeAspectRatio + leftEyeAspectRatio) / 2;
    }
}
