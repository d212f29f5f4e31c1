package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.min;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_LIST;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.convexHull;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Measures an identity card held to the camera inside the guide rectangle the customer is shown: the
 * faces printed on it, the card's own outline, its sharpness and its glare ({@link CardView}), and
 * cuts out its portrait. The outline is what tells a card from any face picture or a face held in
 * the rectangle: an edge all round, in an ID-1 card's proportions.
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
    /**
     * The card's outline is looked for this far around the rectangle, as a share of its width: a
     * card held a little larger than the rectangle is still found whole, and told to fit in it.
     */
    static final double OUTLINE_SEARCH_MARGIN = 0.1;
    /** The smallest outline taken for a card, as a share of the rectangle's area: a card this small shows too small a portrait anyway. */
    static final double MIN_CARD_AREA = 0.2;
    /**
     * How far an outline's proportions may be from an ID-1 card's (1.59) and still be one: a card
     * turned up to about 20° away from the camera. An A4 sheet (1.41) and a phone's 16:9 screen
     * (1.78) are 11 % and 12 % away.
     */
    static final double CARD_ASPECT_TOLERANCE = 0.08;
    /**
     * How much of its tightest turned rectangle an outline must fill to be four straight sides: a
     * card seen in perspective fills about 0.95 of it (its rounded corners cost 0.2 %); an oval, or
     * a hand, less.
     */
    static final double MIN_RECTANGLE_FILL = 0.9;
    /** Edges weaker than this (of a smoothed colour channel's gradient) are the card's print or texture, not its border. */
    private static final double EDGE_LOW = 30;
    private static final double EDGE_HIGH = 90;

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
            return new CardView(guide, faces(region, guide), outline(bgr, guide), sharpness(grey), glare(region));
        }
    }

    /**
     * The card's outline around the rectangle, as the bounds of the largest closed edge in a card's
     * proportions. Each closed edge counts by its convex hull: a thumb over the card's border, or
     * its print touching it, bites into the edge's inside but not into its hull.
     */
    private static Optional<Box> outline(Mat bgr, Box guide) {
        Box area = new Box(guide.x() - guide.width() * OUTLINE_SEARCH_MARGIN, guide.y() - guide.width() * OUTLINE_SEARCH_MARGIN,
                guide.width() * (1 + 2 * OUTLINE_SEARCH_MARGIN), guide.height() + 2 * guide.width() * OUTLINE_SEARCH_MARGIN)
                .clippedTo(bgr.cols(), bgr.rows());
        Mat edges = edges(new Mat(bgr, rect(area)));
        MatVector contours = new MatVector();
        findContours(edges, contours, RETR_LIST, CHAIN_APPROX_SIMPLE);
        Optional<Box> card = Optional.empty();
        double largest = MIN_CARD_AREA * guide.area();
        for (long i = 0; i < contours.size(); i++) {
            Mat hull = new Mat();
            convexHull(contours.get(i), hull);
            double hullArea = contourArea(hull);
            Rect bounds = boundingRect(hull);
            if (hullArea > largest && cardShaped(minAreaRect(hull), hullArea) && !touches(bounds, area)) {
                largest = hullArea;
                card = Optional.of(new Box(bounds.x() + area.x(), bounds.y() + area.y(), bounds.width(), bounds.height()));
            }
        }
        return card;
    }

    /**
     * The edges of each colour channel together: a light card in front of a pale sky of another
     * hue differs in colour more than in grey level. Thickened by two pixels each way, so that a
     * border broken for a few pixels (where the card's edge runs along an edge behind it) still closes.
     */
    private static Mat edges(Mat region) {
        Mat smooth = new Mat();
        GaussianBlur(region, smooth, new Size(5, 5), 0);
        MatVector channels = new MatVector();
        split(smooth, channels);
        Mat edges = new Mat(region.size(), CV_8UC1, Scalar.all(0));
        Mat channelEdges = new Mat();
        for (long c = 0; c < channels.size(); c++) {
            Canny(channels.get(c), channelEdges, EDGE_LOW, EDGE_HIGH);
            bitwise_or(edges, channelEdges, edges);
        }
        dilate(edges, edges, getStructuringElement(MORPH_RECT, new Size(5, 5)));
        return edges;
    }

    private static boolean cardShaped(RotatedRect turned, double hullArea) {
        double longSide = Math.max(turned.size().width(), turned.size().height());
        double shortSide = Math.min(turned.size().width(), turned.size().height());
        return shortSide > 0 && Math.abs(longSide / shortSide / CardView.CARD_ASPECT - 1) <= CARD_ASPECT_TOLERANCE
                && hullArea >= MIN_RECTANGLE_FILL * longSide * shortSide;
    }

    /** An edge that reaches the searched area's border goes on outside it: not a card within reach of the rectangle. */
    private static boolean touches(Rect bounds, Box area) {
        return bounds.x() <= 1 || bounds.y() <= 1 || bounds.x() + bounds.width() >= area.width() - 1
                || bounds.y() + bounds.height() >= area.height() - 1;
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
