package org.livenesskiosk.vision;

/**
 * How far two views of a face are from being two views of a plane: the best homography from one
 * set of FaceMesh landmarks to the other, and what it leaves over. A photo or a screen moves as
 * one plane, so a homography maps its landmarks almost exactly (what is left is the landmarks'
 * own jitter); a real head turning or nodding shows its nose, cheeks and chin at other depths,
 * which no homography can follow.
 *
 * <p>Plain Java on 468 points (a normalised direct linear transform, eight unknowns, solved by
 * least squares): tens of microseconds.
 */
public final class PlanarFit {

    private static final int UNKNOWNS = 8;

    private PlanarFit() {
    }

    /**
     * The root-mean-square distance, in eye distances of the second face, between the second
     * face's landmarks and the first face's mapped by the best homography between them.
     */
    public static double residual(FaceLandmarks from, FaceLandmarks to) {
        int count = FaceLandmarks.COUNT;
        double[] fromX = new double[count];
        double[] fromY = new double[count];
        double[] toX = new double[count];
        double[] toY = new double[count];
        for (int i = 0; i < count; i++) {
            fromX[i] = from.x(i);
            fromY[i] = from.y(i);
            toX[i] = to.x(i);
            toY[i] = to.y(i);
        }
        // Hartley's normalisation: each set centred, at a mean distance of √2, so the equations are well conditioned.
        double[] fromFrame = normalise(fromX, fromY);
        double[] toFrame = normalise(toX, toY);
        double[] h = fit(fromX, fromY, toX, toY);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double w = h[6] * fromX[i] + h[7] * fromY[i] + 1;
            double dx = (h[0] * fromX[i] + h[1] * fromY[i] + h[2]) / w - toX[i];
            double dy = (h[3] * fromX[i] + h[4] * fromY[i] + h[5]) / w - toY[i];
            sum += dx * dx + dy * dy;
        }
        // Back to the second face's pixels, then to its eye distance.
        double rmsPixels = Math.sqrt(sum / count) / toFrame[2];
        double eyeDistance = to.point(MeshIndex.RIGHT_EYE_OUTER).distanceTo(to.point(MeshIndex.LEFT_EYE_OUTER));
        return eyeDistance <= 0 || fromFrame[2] <= 0 ? Double.NaN : rmsPixels / eyeDistance;
    }

    /** Moves and scales the points in place; returns the centre and the scale used. */
    private static double[] normalise(double[] x, double[] y) {
        double centerX = 0;
        double centerY = 0;
        for (int i = 0; i < x.length; i++) {
            centerX += x[i];
            centerY += y[i];
        }
        centerX /= x.length;
        centerY /= x.length;
        double meanDistance = 0;
        for (int i = 0; i < x.length; i++) {
            meanDistance += Math.hypot(x[i] - centerX, y[i] - centerY);
        }
        meanDistance /= x.length;
        double scale = meanDistance <= 0 ? 0 : Math.sqrt(2) / meanDistance;
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - centerX) * scale;
            y[i] = (y[i] - centerY) * scale;
        }
        return new double[] {centerX, centerY, scale};
    }

    /**
     * The homography (h33 = 1) that best maps the first points onto the second, by the normal
     * equations of x'·(h31·x + h32·y + 1) = h11·x + h12·y + h13 and the same for y'.
     */
    private static double[] fit(double[] x, double[] y, double[] toX, double[] toY) {
        LeastSquares homography = new LeastSquares(UNKNOWNS);
        for (int i = 0; i < x.length; i++) {
            homography.add(new double[] {x[i], y[i], 1, 0, 0, 0, -x[i] * toX[i], -y[i] * toX[i]}, toX[i]);
            homography.add(new double[] {0, 0, 0, x[i], y[i], 1, -x[i] * toY[i], -y[i] * toY[i]}, toY[i]);
        }
        return homography.solve();
    }
}
