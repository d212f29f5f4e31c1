package org.livenesskiosk.pipeline;

import static org.bytedeco.opencv.global.opencv_core.mean;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.livenesskiosk.liveness.LightCheck;
import org.livenesskiosk.vision.Box;
import org.livenesskiosk.vision.FaceLandmarks;

/**
 * The light a face reflects in one frame, where the light check reads it ({@link LightCheck}): the
 * skin along the middle of the face, which faces the camera and the screen beside it (forehead, nose
 * bridge, nose tip), the outer cheeks, which turn away from them, and the scene on either side of
 * the face. Small patches around FaceMesh's points, so that hair, eyes and lips stay out; clipped
 * pixels are left out (a patch mostly clipped is left out whole).
 */
public final class SkinLight {

    /** Forehead centre, glabella, nose bridge, nose tip (MediaPipe's face mesh indices). */
    private static final int[] FRONTAL = {151, 9, 8, 168, 6, 197, 195, 5, 4};
    /** The outer cheeks, left and right, below the eyes and away from the face's edge. */
    private static final int[] OBLIQUE = {116, 123, 147, 187, 345, 352, 376, 411};
    /** A patch's half side, as a share of the face's width: about a tenth of a cheek. */
    private static final double PATCH = 0.025;
    /** A pixel this bright in any channel is clipped: it no longer tells how much light fell on it. */
    private static final int CLIPPED = 250;

    private SkinLight() {
    }

    public static LightCheck.Sample sample(Mat bgrFrame, FaceLandmarks landmarks, Box face, long timeMs) {
        int half = Math.max(1, (int) Math.round(face.width() * PATCH));
        try (UByteIndexer pixels = bgrFrame.createIndexer()) {
            return new LightCheck.Sample(timeMs, patches(pixels, bgrFrame, landmarks, FRONTAL, half),
                    patches(pixels, bgrFrame, landmarks, OBLIQUE, half), background(bgrFrame, face));
        }
    }

    /**
     * The patches' mean colour, leaving out clipped pixels; NaN when most of every patch is clipped or
     * outside the frame. Read pixel by pixel: a few hundred of them, where a native call per patch
     * cost more than the reading.
     */
    private static LightCheck.Rgb patches(UByteIndexer pixels, Mat bgr, FaceLandmarks landmarks, int[] points, int half) {
        double[] sum = new double[3];
        int counted = 0;
        for (int point : points) {
            int x0 = (int) Math.round(landmarks.x(point)) - half;
            int y0 = (int) Math.round(landmarks.y(point)) - half;
            if (x0 < 0 || y0 < 0 || x0 + 2 * half >= bgr.cols() || y0 + 2 * half >= bgr.rows()) {
                continue;
            }
            double[] patch = new double[3];
            int unclipped = 0;
            for (int y = y0; y < y0 + 2 * half; y++) {
                for (int x = x0; x < x0 + 2 * half; x++) {
                    int b = pixels.get(y, x, 0);
                    int g = pixels.get(y, x, 1);
                    int r = pixels.get(y, x, 2);
                    if (b < CLIPPED && g < CLIPPED && r < CLIPPED) {
                        patch[0] += r;
                        patch[1] += g;
                        patch[2] += b;
                        unclipped++;
                    }
                }
            }
            if (unclipped * 2 < 4 * half * half) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                sum[c] += patch[c] / unclipped;
            }
            counted++;
        }
        return counted == 0 ? new LightCheck.Rgb(Double.NaN, Double.NaN, Double.NaN) : rgb(sum, counted);
    }

    /** The scene beside the face, left and right of it, a little away from its box; the frame's top corners when the face fills it. */
    private static LightCheck.Rgb background(Mat bgr, Box face) {
        double[] sum = new double[3];
        int counted = 0;
        int width = (int) (face.width() * 0.4);
        int top = (int) Math.max(0, face.y());
        int height = (int) Math.min(bgr.rows() - top, face.height());
        int left = (int) (face.x() - face.width() * 0.15) - width;
        int right = (int) (face.x() + face.width() * 1.15);
        for (int x : new int[] {left, right}) {
            int from = Math.max(0, x);
            int to = Math.min(bgr.cols(), x + width);
            if (to - from >= 4 && height >= 4) {
                add(sum, bgr, from, top, to - from, height);
                counted++;
            }
        }
        if (counted == 0) {
            int side = Math.max(4, bgr.cols() / 10);
            add(sum, bgr, 0, 0, side, side);
            add(sum, bgr, bgr.cols() - side, 0, side, side);
            counted = 2;
        }
        return rgb(sum, counted);
    }

    private static void add(double[] sum, Mat bgr, int x, int y, int width, int height) {
        try (Rect rect = new Rect(x, y, width, height); Mat region = new Mat(bgr, rect); Scalar average = mean(region)) {
            sum[0] += average.get(2);
            sum[1] += average.get(1);
            sum[2] += average.get(0);
        }
    }

    private static LightCheck.Rgb rgb(double[] sum, int counted) {
        return new LightCheck.Rgb(sum[0] / counted, sum[1] / counted, sum[2] / counted);
    }
}
