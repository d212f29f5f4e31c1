package org.livenesskiosk.ui;

/**
 * Where the session wants the face, in shares of the camera frame (unmirrored, as the camera sees
 * it): the oval is drawn around it (the face is judged by the session's own rule, its
 * {@link org.livenesskiosk.liveness.FaceZone}). The kiosk gives each session
 * the target its distance range asks for; a session that asks for other sizes in turn (a far step,
 * then a near one) gives its own as it goes.
 *
 * @param centerX       the face's centre over the frame's width, 0 (image left) … 1
 * @param centerY       the face's centre over the frame's height, 0 (top) … 1
 * @param width         the face's width over the frame's width
 */
public record FaceTarget(double centerX, double centerY, double width) {

    /**
     * A face a little more than a quarter of the frame wide: a customer about 55 cm from a camera
     * with a 60° field of view, the middle of the 40–80 cm a kiosk asks for by default.
     */
    public static final FaceTarget STANDARD = new FaceTarget(0.5, 0.5, 0.26);
    /** A frontal face's landmarks, forehead to chin over temple to temple. */
    static final double FACE_HEIGHT_OVER_WIDTH = 1.25;

    public FaceTarget {
        if (!(width > 0 && width <= 1 && centerX >= 0 && centerX <= 1 && centerY >= 0 && centerY <= 1)) {
            throw new IllegalArgumentException("a face target lies within the frame: " + centerX + ", " + centerY + ", " + width);
        }
    }

    /** A centred face whose width may be anything from {@code narrowest} to {@code widest}: the oval at their middle. */
    public static FaceTarget centred(double narrowest, double widest) {
        return sized(Math.sqrt(narrowest * widest));
    }

    /** A centred face of this width, as a step of the session asks for it (the far/near stage's far, then near). */
    public static FaceTarget sized(double width) {
        return new FaceTarget(0.5, 0.5, Math.min(1, width));
    }

    /** The face's height over the frame's height, in a frame {@code frameAspect} (width over height) wide. */
    public double height(double frameAspect) {
        return width * FACE_HEIGHT_OVER_WIDTH * frameAspect;
    }
}
