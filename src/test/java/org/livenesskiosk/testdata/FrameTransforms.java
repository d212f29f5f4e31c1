package org.livenesskiosk.testdata;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.Random;
import java.util.function.UnaryOperator;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** What an attacker does to every frame of a captured recording before sending it again. */
public enum FrameTransforms {
    MIRROR(frame -> {
        Mat out = new Mat();
        flip(frame, out, 1);
        return out;
    }),
    ROTATE_3(frame -> rotated(frame, 3, 1)),
    ROTATE_6(frame -> rotated(frame, 6, 1)),
    ROTATE_10(frame -> rotated(frame, -10, 1)),
    SCALE_DOWN_20(frame -> rotated(frame, 0, 0.8)),
    SCALE_UP_20(frame -> rotated(frame, 0, 1.2)),
    /** 8 % cut from every side, what is left scaled back to the frame's size. */
    CROP_8(frame -> {
        int dx = (int) (frame.cols() * 0.08);
        int dy = (int) (frame.rows() * 0.08);
        Mat out = new Mat();
        try (Mat part = new Mat(frame, new Rect(dx, dy, frame.cols() - 2 * dx, frame.rows() - 2 * dy))) {
            resize(part, out, new Size(frame.cols(), frame.rows()));
        }
        return out;
    }),
    /** 8 % cut from the left and the top only, what is left scaled back: the face moved and zoomed. */
    CROP_CORNER(frame -> {
        int dx = (int) (frame.cols() * 0.08);
        int dy = (int) (frame.rows() * 0.08);
        Mat out = new Mat();
        try (Mat part = new Mat(frame, new Rect(dx, dy, frame.cols() - dx, frame.rows() - dy))) {
            resize(part, out, new Size(frame.cols(), frame.rows()));
        }
        return out;
    }),
    /** Contrast × 0.7 and brightness + 40. */
    BRIGHTNESS_CONTRAST(frame -> {
        Mat out = new Mat();
        frame.convertTo(out, -1, 0.7, 40);
        return out;
    }),
    JPEG_30(frame -> jpeg(frame, 30)),
    /** Gaussian noise of standard deviation 8 grey levels, the same for the same frame size. */
    NOISE(frame -> {
        Mat out = frame.clone();
        Random random = new Random(frame.cols() * 31L + frame.rows());
        try (UByteIndexer pixels = out.createIndexer()) {
            for (long row = 0; row < out.rows(); row++) {
                for (long column = 0; column < out.cols(); column++) {
                    for (long channel = 0; channel < out.channels(); channel++) {
                        double noisy = pixels.get(row, column, channel) + random.nextGaussian() * 8;
                        pixels.put(row, column, channel, (int) Math.max(0, Math.min(255, Math.round(noisy))));
                    }
                }
            }
        }
        return out;
    });

    private final UnaryOperator<Mat> change;

    FrameTransforms(UnaryOperator<Mat> change) {
        this.change = change;
    }

    /** The changed copy; the frame stays the caller's. */
    public Mat apply(Mat frame) {
        return change.apply(frame);
    }

    private static Mat rotated(Mat frame, double degrees, double scale) {
        Mat out = new Mat();
        try (Point2f centre = new Point2f(frame.cols() / 2f, frame.rows() / 2f);
             Mat rotation = getRotationMatrix2D(centre, degrees, scale)) {
            warpAffine(frame, out, rotation, frame.size(), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
        }
        return out;
    }

    /** The frame through a JPEG encoder at this quality and back. */
    public static Mat jpeg(Mat frame, int quality) {
        try (BytePointer encoded = new BytePointer(); IntPointer parameters = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality)) {
            opencv_imgcodecs.imencode(".jpg", frame, encoded, parameters);
            return opencv_imgcodecs.imdecode(new Mat(encoded), opencv_imgcodecs.IMREAD_COLOR);
        }
    }
}
