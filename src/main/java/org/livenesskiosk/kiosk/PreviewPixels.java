package org.livenesskiosk.kiosk;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.ByteBuffer;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.livenesskiosk.ui.PreviewFrames;

/**
 * Hands a camera frame to the preview: at most {@link #MAX_WIDTH} wide, converted once, by
 * OpenCV on the analysis thread, straight into the preview's BGRA buffer.
 */
public final class PreviewPixels {

    /** Wider than any kiosk screen shows the preview; larger frames are shrunk first. */
    static final int MAX_WIDTH = 960;

    private PreviewPixels() {
    }

    public static void offer(Mat image, PreviewFrames preview) {
        double scale = Math.min(1.0, (double) MAX_WIDTH / image.cols());
        int width = (int) Math.round(image.cols() * scale);
        int height = (int) Math.round(image.rows() * scale);
        preview.offer(width, height, target -> convert(image, width, height, target));
    }

    private static void convert(Mat image, int width, int height, ByteBuffer target) {
        try (BytePointer pixels = new BytePointer(target);
             Mat bgra = new Mat(height, width, CV_8UC4, pixels)) {
            int code = image.channels() == 1 ? COLOR_GRAY2BGRA : COLOR_BGR2BGRA;
            if (width == image.cols()) {
                cvtColor(image, bgra, code);
                return;
            }
            try (Mat small = new Mat(); Size size = new Size(width, height)) {
                resize(image, small, size, 0, 0, INTER_AREA);
                cvtColor(small, bgra, code);
            }
        }
    }
}
