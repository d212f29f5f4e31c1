package org.livenesskiosk.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * MediaPipe's BlazeFace (see {@link MediaPipeNetwork} for the engine): letterboxing, anchor
 * decoding and weighted non-maximum suppression, as MediaPipe's face detection graph does them.
 *
 * <p>Not thread-safe: one instance per analysis thread. Call from inside a
 * {@link org.bytedeco.javacpp.PointerScope} so that the temporary {@code Mat}s are released.
 */
public final class BlazeFaceDetector {

    private static final int KEYPOINTS = 6;
    private static final int VALUES_PER_ANCHOR = 4 + 2 * KEYPOINTS;
    private static final double MIN_SCORE = 0.5;
    private static final double SUPPRESSION_IOU = 0.3;
    /** BlazeFace's logits are clipped to ±100 before the sigmoid, as MediaPipe does. */
    private static final double SCORE_CLIP = 100;
    /** BlazeFace takes RGB scaled to [-1, 1]. */
    static final double INPUT_MEAN = 127.5;
    static final double INPUT_SCALE = 1 / 127.5;

    private final DetectorModel model;
    private final MediaPipeNetwork network;

    public BlazeFaceDetector(DetectorModel model, Models models) {
        this(model, MediaPipeNetwork.load(models, model.modelFile(), INPUT_MEAN, INPUT_SCALE));
    }

    BlazeFaceDetector(DetectorModel model, MediaPipeNetwork network) {
        this.model = model;
        this.network = network;
    }

    public DetectorModel model() {
        return model;
    }

    /** Faces in a 3-channel BGR frame, best first. */
    public List<FaceDetection> detect(Mat bgr) {
        int size = model.inputSize();
        Mat letterboxed = new Mat();
        Letterbox letterbox = Letterbox.fit(bgr, size, size, letterboxed);
        float[][] outputs = network.run(letterboxed);
        boolean scoresFirst = outputs[0].length == model.anchorCount();
        float[] scores = scoresFirst ? outputs[0] : outputs[1];
        float[] regressors = scoresFirst ? outputs[1] : outputs[0];

        return suppress(decode(scores, regressors, letterbox));
    }

    private List<FaceDetection> decode(float[] scores, float[] regressors, Letterbox letterbox) {
        List<FaceDetection> candidates = new ArrayList<>();
        double size = model.inputSize();
        for (int anchor = 0; anchor < model.anchorCount(); anchor++) {
            double score = Tensors.sigmoid(Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, scores[anchor])));
            if (score < MIN_SCORE) {
                continue;
            }
            int offset = anchor * VALUES_PER_ANCHOR;
            double anchorX = model.anchorX(anchor);
            double anchorY = model.anchorY(anchor);
            double centerX = regressors[offset] / size + anchorX;
            double centerY = regressors[offset + 1] / size + anchorY;
            double width = regressors[offset + 2] / size;
            double height = regressors[offset + 3] / size;
            Point2 topLeft = letterbox.toFrame((centerX - width / 2) * size, (centerY - height / 2) * size);
            Point2 bottomRight = letterbox.toFrame((centerX + width / 2) * size, (centerY + height / 2) * size);
            List<Point2> keypoints = new ArrayList<>(KEYPOINTS);
            for (int k = 0; k < KEYPOINTS; k++) {
                keypoints.add(letterbox.toFrame(regressors[offset + 4 + 2 * k] + anchorX * size,
                        regressors[offset + 5 + 2 * k] + anchorY * size));
            }
            Box box = new Box(topLeft.x(), topLeft.y(), bottomRight.x() - topLeft.x(), bottomRight.y() - topLeft.y());
            candidates.add(new FaceDetection(box, keypoints, score));
        }
        return candidates;
    }

    /**
     * Weighted non-maximum suppression: each kept face is the score-weighted mean of the
     * candidates that overlap the best one, which steadies the box from frame to frame.
     */
    static List<FaceDetection> suppress(List<FaceDetection> candidates) {
        List<FaceDetection> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(FaceDetection::score).reversed());
        List<FaceDetection> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            FaceDetection best = remaining.get(0);
            List<FaceDetection> cluster = new ArrayList<>();
            for (FaceDetection candidate : remaining) {
                if (best.box().iou(candidate.box()) > SUPPRESSION_IOU) {
                    cluster.add(candidate);
                }
            }
            remaining.removeAll(cluster);
            kept.add(weightedMean(cluster, best.score()));
        }
        return kept;
    }

    private static FaceDetection weightedMean(List<FaceDetection> cluster, double score) {
        double total = 0;
        double x = 0;
        double y = 0;
        double width = 0;
        double height = 0;
        double[] keypointX = new double[KEYPOINTS];
        double[] keypointY = new double[KEYPOINTS];
        for (FaceDetection face : cluster) {
            double weight = face.score();
            total += weight;
            x += weight * face.box().x();
            y += weight * face.box().y();
            width += weight * face.box().width();
            height += weight * face.box().height();
            for (int k = 0; k < KEYPOINTS; k++) {
                keypointX[k] += weight * face.keypoints().get(k).x();
                keypointY[k] += weight * face.keypoints().get(k).y();
            }
        }
        List<Point2> keypoints = new ArrayList<>(KEYPOINTS);
        for (int k = 0; k < KEYPOINTS; k++) {
            keypoints.add(new Point2(keypointX[k] / total, keypointY[k] / total));
        }
        return new FaceDetection(new Box(x / total, y / total, width / total, height / total), keypoints, score);
    }
}
