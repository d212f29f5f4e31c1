package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.min;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Measures an identity card held to the camera inside the guide rectangle the customer is shown: the
 * faces printed on it, its sharpness and its glare ({@link CardView}), and cuts out its portrait.
 * The card is not looked for as a shape: the portrait is what the service compares, so a face
 * inside the rectangle is what matters, and the rectangle is where the sharpness and glare count.
 */
public final class CardMeter {

    /** A pixel this bright in every channel is the light's reflection, not the card's print. */
    static final int SATURATED = 250;
    /** A portrait cut out with this much of the card around the face (the service's own face crop's margin). */
    private static final double PORTRAIT_MARGIN = FaceCrop.MARGIN;
    /**
     * A card's portrait is frontal, lit and still, and BlazeFace is sure of it (0.96 for a shared-data face pasted on a
     * card, CardMeterTest); a scene without a face and a blurred card's print reached 0.62 there.
     */
    static final double MIN_FACE_SCORE = 0.8;
    /** Two detections of one face in the overlapping squares. */
    private static final double SAME_FACE_IOU = 0.3;

    private final BlazeFaceDetector detector;

    public CardMeter(Models models) {
        this.detector = new BlazeFaceDetector(DetectorModel.SHORT_RANGE, models);
    }

    /** What a 3-channel BGR frame shows inside the guide rectangle, which lies within the frame. */
    public CardView measure(Mat bgr, Box guide) {
        try (PointerScope scope = new PointerScope()) {
            Mat region = new Mat(bgr, rect(guide));
            Mat grey = new Mat();
            cvtColor(region, grey, COLOR_BGR2GRAY);
            return new CardView(guide, faces(region, guide), sharpness(grey), glare(region));
        }
    }

    /**
     * The portrait around {@code face}, at the camera's own resolution (enlarging it would add no
     * detail the service could use), as JPEG.
     */
    public static byte[] portrait(Mat bgr, Box face) {
        return FaceCrop.jpeg(bgr, face, (int) Math.round(Math.max(face.width(), face.height()) * PORTRAIT_MARGIN));
    }

    /**
     * Faces in the rectangle's left and right squares: BlazeFace sees a square picture, where a
     * card's portrait (on its left or its right) is large enough to be found, not in the whole
     * card letterboxed.
     */
    private List<Box> faces(Mat region, Box guide) {
        int side = Math.min(region.rows(), region.cols());
        List<Box> found = new ArrayList<>();
        for (int left : new int[] {0, region.cols() - side}) {
            for (FaceDetection detection : detector.detect(new Mat(region, new Rect(left, 0, side, side)))) {
                if (detection.score() < MIN_FACE_SCORE) {
                    continue;
                }
                Box box = detection.box();
                Box inFrame = new Box(box.x() + guide.x() + left, box.y() + guide.y(), box.width(), box.height());
                if (found.stream().noneMatch(other -> other.iou(inFrame) > SAME_FACE_IOU)) {
                    found.add(inFrame);
                }
            }
        }
        return found;
    }

    private static double sharpness(Mat grey) {
        Mat laplacian = new Mat();
        Laplacian(grey, laplacian, CV_64F);
        Mat mean = new Mat();
        Mat deviation = new Mat();
        meanStdDev(laplacian, mean, deviation);
        double sd = deviation.createIndexer().getDouble(0);
        return sd * sd;
    }

    private static double glare(Mat region) {
        // The darkest channel of each pixel: saturated only where every channel is.
        MatVector channels = new MatVector();
        split(region, channels);
        Mat darkest = channels.get(0).clone();
        for (long c = 1; c < channels.size(); c++) {
            min(darkest, channels.get(c), darkest);
        }
        Mat saturated = new Mat();
        threshold(darkest, saturated, SATURATED - 1, 255, THRESH_BINARY);
        return (double) countNonZero(saturated) / (region.rows() * (double) region.cols());
    }

    private static Rect rect(Box box) {
        return new Rect((int) box.x(), (int) box.y(), (int) box.width(), (int) box.height());
    }
}
