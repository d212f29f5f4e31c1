package org.livenesskiosk.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

import java.util.List;
import java.util.Optional;
import java.util.Arrays;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.vision.Box;
import org.livenesskiosk.vision.FaceLandmarks;

/**
 * What a camera beside a kiosk's screen would have seen of a recorded face while the screen showed
 * colours: the reflection model the light check is tested with, where no camera and screen exist.
 *
 * <p>The model: Lambertian skin, lit by the screen from the camera's side, each FaceMesh point's
 * surface normal estimated from its neighbours in the mesh's own depth (so the nose and forehead
 * face the screen and the outer cheeks turn away); a pixel of the face gains {@code strength × its
 * own colour × the screen's colour × max(0, n·l)} (its albedo scales the light it reflects); the
 * scene a metre or more behind gains {@link #BACKGROUND_SHARE} of that (the inverse square of the
 * distance); the camera's exposure was set before the step so that the face sits a little under
 * mid-grey ({@link #exposureFor}) and is held during it, as the kiosk holds it; the camera sees the screen
 * {@code lagMs} late (its frame and exposure, the display's latency), and adds sensor noise. {@code strength} is the screen's light on the face against the
 * room's: about 0.6 at 50 cm from a kiosk's 250-nit screen in a 500-lux branch, 0.25 in a bright one.
 *
 * <p>Attacks are drawn with the same model: a flat picture (a print, a phone) lit by the screen
 * answers everywhere as its surroundings do ({@link Kind#UNIFORM_FRAME}) or uniformly over the face
 * ({@link Kind#UNIFORM_FACE}); a recording answers nothing ({@link Kind#NONE}).
 */
public final class ScreenReflection {

    /** How the scene answers the screen. */
    public enum Kind { FACE, UNIFORM_FRAME, UNIFORM_FACE, NONE }

    /** The room behind the customer, at twice or more the face's distance from the screen. */
    static final double BACKGROUND_SHARE = 0.08;
    private static final int NEIGHBOURS = 10;

    private final List<LightSequence.Shown> timeline;
    private final Kind kind;
    private final double strength;
    private final long lagMs;
    private final double noiseLevel;
    private final double exposure;

    /**
     * @param timeline   what the screen showed, in the clip's milliseconds
     * @param strength   the screen's light on the face against the room's
     * @param lagMs      how late the camera sees the screen
     * @param noiseLevel the sensor's noise, in 8-bit levels (standard deviation)
     * @param exposure   the camera's gain, held during the step ({@link #exposureFor})
     * @param seed       the sensor noise's, so that a run can be repeated
     */
    public ScreenReflection(List<LightSequence.Shown> timeline, Kind kind, double strength, long lagMs, double noiseLevel,
                            double exposure, long seed) {
        this.timeline = List.copyOf(timeline);
        this.kind = kind;
        this.strength = strength;
        this.lagMs = lagMs;
        setRNGSeed((int) seed);
        this.noiseLevel = noiseLevel;
        this.exposure = exposure;
    }

    /**
     * The frame as the camera would have seen it at {@code timeMs}, a new image; {@code landmarks} are
     * the face's in the unlit frame.
     */
    public Mat render(Mat bgr, Optional<FaceLandmarks> landmarks, long timeMs) {
        Optional<Integer> shown = kind == Kind.NONE ? Optional.empty() : LightSequence.colourAt(timeline, timeMs - lagMs);
        double[] screen = shown.map(rgb -> new double[] {(rgb & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, ((rgb >> 16) & 0xFF) / 255.0})
                .orElse(new double[3]);
        try (Mat lit = shading(bgr, landmarks); Mat pixels = new Mat(); MatVector channels = new MatVector();
             Mat sensor = new Mat(bgr.rows(), bgr.cols(), CV_32FC3)) {
            bgr.convertTo(pixels, CV_32FC3);
            split(pixels, channels);
            for (int c = 0; c < 3; c++) {
                try (Mat gain = new Mat()) {
                    // Each channel gains its own share of the screen's colour where the light falls: 1 + strength × colour × share.
                    lit.convertTo(gain, CV_32FC1, exposure * strength * screen[c], exposure);
                    multiply(channels.get(c), gain, channels.get(c));
                }
            }
            merge(channels, pixels);
            try (Mat mean = new Mat(1, 1, CV_64FC1, new Scalar(0)); Mat deviation = new Mat(1, 1, CV_64FC1, new Scalar(noiseLevel))) {
                randn(sensor, mean, deviation);
            }
            add(pixels, sensor, pixels);
            Mat out = new Mat();
            pixels.convertTo(out, CV_8UC3);
            return out;
        }
    }

    /**
     * The gain the camera is held at for the step: the face's mean brightness at 100 of 255, a little
     * under the mid-grey webcams aim for (118), leaving the flashes headroom before the skin clips.
     */
    public static double exposureFor(Mat bgr, Box face) {
        // The middle half of the face, where the skin is: no hair, no background.
        Box inside = new Box(face.x() + face.width() / 4, face.y() + face.height() / 4, face.width() / 2, face.height() / 2)
                .clippedTo(bgr.cols(), bgr.rows());
        try (Rect rect = new Rect((int) inside.x(), (int) inside.y(), Math.max(1, (int) inside.width()), Math.max(1, (int) inside.height()));
             Mat region = new Mat(bgr, rect); Scalar average = mean(region)) {
            double brightness = (average.get(0) + average.get(1) + average.get(2)) / 3;
            return 100 / Math.max(1, brightness);
        }
    }

    /** How much of the screen's light each pixel takes, 0 to 1. */
    private Mat shading(Mat bgr, Optional<FaceLandmarks> landmarks) {
        Mat light = new Mat(bgr.rows(), bgr.cols(), CV_32FC1, new Scalar(kind == Kind.UNIFORM_FRAME ? 1 : BACKGROUND_SHARE));
        if (landmarks.isEmpty() || kind == Kind.UNIFORM_FRAME || kind == Kind.NONE) {
            return light;
        }
        FaceLandmarks face = landmarks.get();
        Box bounds = face.bounds();
        int radius = Math.max(2, (int) (bounds.width() * 0.05));
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            double share = kind == Kind.UNIFORM_FACE ? 1 : facingTheScreen(face, i);
            try (Point centre = new Point((int) face.x(i), (int) face.y(i)); Scalar value = new Scalar(share)) {
                circle(light, centre, radius, value, -1, 8, 0);
            }
        }
        try (Size kernel = new Size(0, 0)) {
            GaussianBlur(light, light, kernel, radius / 2.0);
        }
        return light;
    }

    /**
     * max(0, n·l) at one mesh point, with l towards the camera and n the normal of the plane through
     * its nearest neighbours in the mesh (x and y in pixels, z the mesh's depth on the same scale).
     */
    private static double facingTheScreen(FaceLandmarks face, int point) {
        int[] nearest = new int[NEIGHBOURS];
        double[] distances = new double[NEIGHBOURS];
        Arrays.fill(distances, Double.MAX_VALUE);
        for (int j = 0; j < FaceLandmarks.COUNT; j++) {
            if (j == point) {
                continue;
            }
            double d = sq(face.x(j) - face.x(point)) + sq(face.y(j) - face.y(point)) + sq(face.z(j) - face.z(point));
            for (int k = 0; k < NEIGHBOURS; k++) {
                if (d < distances[k]) {
                    System.arraycopy(distances, k, distances, k + 1, NEIGHBOURS - k - 1);
                    System.arraycopy(nearest, k, nearest, k + 1, NEIGHBOURS - k - 1);
                    distances[k] = d;
                    nearest[k] = j;
                    break;
                }
            }
        }
        // The plane z = a·x + b·y + c through the neighbours, by least squares; its normal (a, b, −1).
        double sxx = 0, sxy = 0, syy = 0, sxz = 0, syz = 0;
        for (int j : nearest) {
            double dx = face.x(j) - face.x(point);
            double dy = face.y(j) - face.y(point);
            double dz = face.z(j) - face.z(point);
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
            sxz += dx * dz;
            syz += dy * dz;
        }
        double determinant = sxx * syy - sxy * sxy;
        if (Math.abs(determinant) < 1e-9) {
            return 1;
        }
        double a = (sxz * syy - syz * sxy) / determinant;
        double b = (syz * sxx - sxz * sxy) / determinant;
        // Towards the camera is −z in the mesh's depth.
        return Math.max(0, 1 / Math.sqrt(a * a + b * b + 1));
    }

    private static double sq(double value) {
        return value * value;
    }
}
