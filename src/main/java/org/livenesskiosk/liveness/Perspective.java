package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.vision.FaceLandmarks;
import org.livenesskiosk.vision.LeastSquares;

/**
 * The third passive cue: whether a face's proportions change with its distance as a real head's
 * do. Under a pinhole camera a point {@code Z} nearer than the rest of the face is magnified by
 * about {@code 1 + Z/D}; when the face comes from {@code D_far} to {@code D_near}, the nose tip
 * therefore grows by {@code Z·(1/D_near − 1/D_far)} more than the face outline. A photograph or a
 * screen is flat: moved toward the camera, all of it grows alike.
 *
 * <p>The figure: align the far landmarks onto the near ones by the best similarity (what a flat
 * picture brought closer does), then fit what is left, point by point, as a radial growth
 * proportional to each point's protrusion (FaceMesh's own relative depth, in face widths), plus a
 * shift proportional to it (a slight turn of the head between the two, which a turn explains and
 * perspective does not). The growth per face width of protrusion, {@code gain}, is what a real face
 * shows: geometrically it equals {@code W/D_near − W/D_far}, the change in the face's angular width,
 * which the camera's field of view and the face's size in the frame give ({@link #expectedGain}).
 * The cue is their ratio: about 1 for a real face, about 0 for a flat one, whatever the distances.
 * Pure arithmetic over landmark records: no images.
 */
public final class Perspective {

    /**
     * At or above this ratio the change of proportions is a real face's. FaceMesh renders about
     * 0.4–0.8 of the geometric perspective of a real face (measured on a webcam customer moving
     * 1.3–1.8× in size); flat pictures brought closer measure −0.21 to 0.16 (docs/measurements.md, "The far/near stage").
     */
    public static final double LIVE_RATIO = 0.3;
    /** Below this ratio the face grew as a flat picture does. */
    public static final double ATTACK_RATIO = 0.15;
    /**
     * Below this expected gain nothing is judged: FaceMesh's landmarks wander by about 0.02 of gain
     * between frames of a still picture, so a real face's change must be four times that to stand out
     * (a face growing by 7 % of the frame's width at a 60° camera; the stage's default targets ask 9–13 %).
     */
    static final double MIN_EXPECTED_GAIN = 0.08;

    /** What the cue says of the face. */
    public enum Verdict {
        LIVE,
        UNCERTAIN,
        ATTACK
    }

    /**
     * The cue of one far/near pair of stages.
     *
     * @param ratio        measured gain over the gain a real face would show at these sizes (the cue)
     * @param gain         the measured extra growth per face width of protrusion (median over frame pairs)
     * @param expectedGain the gain of a real face for these two sizes and this camera
     */
    public record Cue(double ratio, double gain, double expectedGain) {

        /** The rule: {@code LIVE} at {@link #LIVE_RATIO} or more, {@code ATTACK} below {@link #ATTACK_RATIO}. */
        public Verdict verdict() {
            return Perspective.verdict(ratio);
        }
    }

    /** What a cue's ratio says of the face: the one rule, for the cue and for the fused passive check. */
    public static Verdict verdict(double ratio) {
        if (ratio >= LIVE_RATIO) {
            return Verdict.LIVE;
        }
        return ratio < ATTACK_RATIO ? Verdict.ATTACK : Verdict.UNCERTAIN;
    }

    private Perspective() {
    }

    /**
     * The cue from the frames held at each stage: the median gain over every far/near pair, against
     * the expected one.
     *
     * @param farSize  the face's width over the frame's at the far stage
     * @param nearSize the same at the near stage
     * @return empty when there is nothing to compare, or a real face would change less than
     *         {@link #MIN_EXPECTED_GAIN} between these sizes
     */
    public static Optional<Cue> of(List<FaceLandmarks> far, List<FaceLandmarks> near, double farSize, double nearSize,
                                   double cameraFieldOfViewDegrees) {
        double expected = expectedGain(farSize, nearSize, cameraFieldOfViewDegrees);
        if (far.isEmpty() || near.isEmpty() || !(expected >= MIN_EXPECTED_GAIN)) {
            return Optional.empty();
        }
        List<Double> gains = new ArrayList<>();
        for (FaceLandmarks from : far) {
            for (FaceLandmarks to : near) {
                gains.add(gain(from, to));
            }
        }
        double median = PassiveEvidence.median(gains).orElseThrow();
        return Optional.of(new Cue(median / expected, median, expected));
    }

    /**
     * A real face's gain from one size to the other: the change of its angular width, {@code W/D},
     * with {@code W/D = size · 2·tan(fov/2)} for a face of relative width {@code size}.
     */
    public static double expectedGain(double farSize, double nearSize, double cameraFieldOfViewDegrees) {
        return 2 * Math.tan(Math.toRadians(cameraFieldOfViewDegrees / 2)) * (nearSize - farSize);
    }

    /** The extra radial growth, per face width of protrusion, from the far landmarks to the near ones. */
    public static double gain(FaceLandmarks far, FaceLandmarks near) {
        int n = FaceLandmarks.COUNT;
        double width = far.bounds().width();
        double meanZ = 0;
        double farCx = 0;
        double farCy = 0;
        double nearCx = 0;
        double nearCy = 0;
        for (int i = 0; i < n; i++) {
            meanZ += far.z(i) / n;
            farCx += far.x(i) / n;
            farCy += far.y(i) / n;
            nearCx += near.x(i) / n;
            nearCy += near.y(i) / n;
        }
        // The best similarity from far to near (least squares): near ≈ [a −b; b a]·far + t.
        double sxx = 0;
        double dot = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            double fx = far.x(i) - farCx;
            double fy = far.y(i) - farCy;
            double nx = near.x(i) - nearCx;
            double ny = near.y(i) - nearCy;
            sxx += fx * fx + fy * fy;
            dot += fx * nx + fy * ny;
            cross += fx * ny - fy * nx;
        }
        double a = dot / sxx;
        double b = cross / sxx;
        // What is left, fitted as k·h·(p − c) + h·(sx, sy): radial growth and shift by protrusion h.
        LeastSquares fit = new LeastSquares(3);
        for (int i = 0; i < n; i++) {
            double fx = far.x(i) - farCx;
            double fy = far.y(i) - farCy;
            double px = a * fx - b * fy;
            double py = b * fx + a * fy;
            double rx = near.x(i) - nearCx - px;
            double ry = near.y(i) - nearCy - py;
            double h = (meanZ - far.z(i)) / width;
            fit.add(new double[] {h * px, h, 0}, rx);
            fit.add(new double[] {h * py, 0, h}, ry);
        }
        return fit.solve()[0];
    }
}
