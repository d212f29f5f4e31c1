package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A face brought onto the 112×112 square that face-recognition networks are trained on: its eyes,
 * nose tip and mouth corners moved, by the best rotation, scale and shift, onto the places
 * InsightFace's alignment puts them. Whatever the camera did — a tilt, a zoom, a shift, a crop —
 * the same face at the same moment comes out the same picture, which is what both the embedding
 * and the replay fingerprint rely on.
 */
final class AlignedFace {

    static final int SIDE = 112;

    /** Where InsightFace's 112×112 crops put the person's right eye, left eye, nose tip, right and left mouth corner. */
    private static final double[][] REFERENCE = {
            {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

    /** The same five places on FaceMesh: each eye's two corners (averaged), the nose tip, the mouth's outer corners. */
    private static final int[][] MESH_POINTS = {{33, 133}, {362, 263}, {1}, {61}, {291}};

    private AlignedFace() {
    }

    /** The aligned 112×112 BGR face; call inside a {@link org.bytedeco.javacpp.PointerScope}. */
    static Mat of(Mat bgrFrame, FaceLandmarks landmarks) {
        double[][] points = new double[REFERENCE.length][];
        for (int i = 0; i < points.length; i++) {
            double x = 0;
            double y = 0;
            for (int index : MESH_POINTS[i]) {
                x += landmarks.x(index) / MESH_POINTS[i].length;
                y += landmarks.y(index) / MESH_POINTS[i].length;
            }
            points[i] = new double[] {x, y};
        }
        double[] similarity = similarity(points, REFERENCE);
        Mat transform = new Mat(2, 3, CV_64F);
        try (DoubleIndexer indexer = transform.createIndexer()) {
            indexer.put(0L, similarity[0], -similarity[1], similarity[2], similarity[1], similarity[0], similarity[3]);
        }
        Mat aligned = new Mat();
        warpAffine(bgrFrame, aligned, transform, new Size(SIDE, SIDE), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
        return aligned;
    }

    /**
     * The least-squares similarity that takes {@code from} onto {@code to}, as {a, b, tx, ty} of
     * x' = a·x − b·y + tx, y' = b·x + a·y + ty (a rotation and a scale in a and b).
     */
    static double[] similarity(double[][] from, double[][] to) {
        double fromX = 0;
        double fromY = 0;
        double toX = 0;
        double toY = 0;
        for (int i = 0; i < from.length; i++) {
            fromX += from[i][0] / from.length;
            fromY += from[i][1] / from.length;
            toX += to[i][0] / from.length;
            toY += to[i][1] / from.length;
        }
        double dot = 0;
        double cross = 0;
        double norm = 0;
        for (int i = 0; i < from.length; i++) {
            double px = from[i][0] - fromX;
            double py = from[i][1] - fromY;
            double qx = to[i][0] - toX;
            double qy = to[i][1] - toY;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        double a = dot / norm;
        double b = cross / norm;
        return new double[] {a, b, toX - (a * fromX - b * fromY), toY - (b * fromX + a * fromY)};
    }
}
