package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A frame scaled to fit a target size and padded with black to fill it, centred, so that faces
 * keep their proportions; and the way back from target to frame coordinates.
 *
 * @param scale   target pixels per frame pixel
 * @param padLeft black columns left of the scaled frame
 * @param padTop  black rows above it
 */
public record Letterbox(double scale, int padLeft, int padTop) {

    /** Fits {@code frame} into {@code width}×{@code height}, writing the result to {@code target}. */
    public static Letterbox fit(Mat frame, int width, int height, Mat target) {
        double scale = Math.min((double) width / frame.cols(), (double) height / frame.rows());
        int scaledWidth = Math.max(1, (int) Math.round(frame.cols() * scale));
        int scaledHeight = Math.max(1, (int) Math.round(frame.rows() * scale));
        int padLeft = (width - scaledWidth) / 2;
        int padTop = (height - scaledHeight) / 2;
        try (Mat scaled = new Mat()) {
            resize(frame, scaled, new Size(scaledWidth, scaledHeight), 0, 0, INTER_AREA);
            copyMakeBorder(scaled, target, padTop, height - scaledHeight - padTop, padLeft, width - scaledWidth - padLeft,
                    BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
        }
        return new Letterbox(scale, padLeft, padTop);
    }

    /** The frame point under a target point. */
    public Point2 toFrame(double targetX, double targetY) {
        return new Point2((targetX - padLeft) / scale, (targetY - padTop) / scale);
    }
}
