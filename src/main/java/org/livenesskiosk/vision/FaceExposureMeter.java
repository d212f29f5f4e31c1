package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Measures light and focus on the face itself, not the whole frame: a bright window behind a
 * dark face must read as a dark face.
 */
final class FaceExposureMeter {

    static final int UNDER_EXPOSED_LEVEL = 40;
    static final int OVER_EXPOSED_LEVEL = 235;
    /** Every face is scaled to this size first, so sharpness compares across distances. */
    private static final int SAMPLE_SIZE = 96;

    private FaceExposureMeter() {
    }

    /** Exposure of the face inside {@code box}; an empty result for a box outside the frame. */
    static FaceExposure measure(Mat bgr, Box box) {
        Box inside = box.clippedTo(bgr.cols(), bgr.rows());
        int width = (int) Math.floor(inside.width());
        int height = (int) Math.floor(inside.height());
        if (width < 2 || height < 2) {
            return new FaceExposure(0, 1, 0, 0);
        }
        Mat face = new Mat(bgr, new Rect((int) inside.x(), (int) inside.y(), width, height));
        Mat small = new Mat();
        resize(face, small, new Size(SAMPLE_SIZE, SAMPLE_SIZE), 0, 0, INTER_LINEAR);
        Mat grey = new Mat();
        cvtColor(small, grey, COLOR_BGR2GRAY);

        ByteBuffer pixels = grey.createBuffer();
        int count = SAMPLE_SIZE * SAMPLE_SIZE;
        long sum = 0;
        int dark = 0;
        int blown = 0;
        for (int i = 0; i < count; i++) {
            int level = pixels.get(i) & 0xff;
            sum += level;
            if (level < UNDER_EXPOSED_LEVEL) {
                dark++;
            } else if (level > OVER_EXPOSED_LEVEL) {
                blown++;
            }
        }

        Mat laplacian = new Mat();
        Laplacian(grey, laplacian, CV_16S);
        ShortBuffer responses = laplacian.createBuffer();
        double mean = 0;
        double meanSquare = 0;
        for (int i = 0; i < count; i++) {
            double response = responses.get(i);
            mean += response;
            meanSquare += response * response;
        }
        mean /= count;
        double variance = meanSquare / count - mean * mean;
        return new FaceExposure((double) sum / count, (double) dark / count, (double) blown / count, variance);
    }
}
