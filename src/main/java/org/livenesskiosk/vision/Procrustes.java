package org.livenesskiosk.vision;

/**
 * The weighted orthogonal Procrustes problem in 3-D: the rotation R that, with some scale s and
 * shift t, brings s·R·source + t closest to the target points in the weighted least-squares sense.
 * Solved in closed form by Horn's unit quaternion method (J. Opt. Soc. Am. A 4(4), 1987): the best
 * rotation is the eigenvector of the largest eigenvalue of a symmetric 4×4 matrix built from the
 * cross-covariance of the two point sets; the scale does not change which rotation is best.
 */
final class Procrustes {

    private static final int MAX_SWEEPS = 50;

    private Procrustes() {
    }

    /** @param weights one per point, summing to 1 */
    static double[][] rotation(double[][] source, double[][] target, double[] weights) {
        double[] sourceMean = weightedMean(source, weights);
        double[] targetMean = weightedMean(target, weights);
        // s[a][b] = Σ w · (source_a − mean) · (target_b − mean)
        double[][] s = new double[3][3];
        for (int i = 0; i < source.length; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    s[a][b] += weights[i] * (source[i][a] - sourceMean[a]) * (target[i][b] - targetMean[b]);
                }
            }
        }
        double[][] n = {
            {s[0][0] + s[1][1] + s[2][2], s[1][2] - s[2][1], s[2][0] - s[0][2], s[0][1] - s[1][0]},
            {s[1][2] - s[2][1], s[0][0] - s[1][1] - s[2][2], s[0][1] + s[1][0], s[2][0] + s[0][2]},
            {s[2][0] - s[0][2], s[0][1] + s[1][0], -s[0][0] + s[1][1] - s[2][2], s[1][2] + s[2][1]},
            {s[0][1] - s[1][0], s[2][0] + s[0][2], s[1][2] + s[2][1], -s[0][0] - s[1][1] + s[2][2]},
        };
        return fromQuaternion(largestEigenvector(n));
    }

    private static double[] weightedMean(double[][] points, double[] weights) {
        double[] mean = new double[3];
        for (int i = 0; i < points.length; i++) {
            for (int a = 0; a < 3; a++) {
                mean[a] += weights[i] * points[i][a];
            }
        }
        return mean;
    }

    /** The eigenvector of a symmetric matrix's largest eigenvalue, by cyclic Jacobi rotations. */
    static double[] largestEigenvector(double[][] symmetric) {
        int size = symmetric.length;
        double[][] a = new double[size][];
        double[][] vectors = new double[size][size];
        for (int i = 0; i < size; i++) {
            a[i] = symmetric[i].clone();
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > 1e-18 * diagonal(a); sweep++) {
            for (int p = 0; p < size - 1; p++) {
                for (int q = p + 1; q < size; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, vectors, p, q);
                    }
                }
            }
        }
        int largest = 0;
        for (int i = 1; i < size; i++) {
            if (a[i][i] > a[largest][largest]) {
                largest = i;
            }
        }
        double[] vector = new double[size];
        for (int i = 0; i < size; i++) {
            vector[i] = vectors[i][largest];
        }
        return vector;
    }

    /** One Jacobi rotation that zeroes a[p][q], applied to the matrix and to the accumulated eigenvectors. */
    private static void rotate(double[][] a, double[][] vectors, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < a.length; k++) {
            double kp = a[k][p];
            double kq = a[k][q];
            a[k][p] = c * kp - s * kq;
            a[k][q] = s * kp + c * kq;
        }
        for (int k = 0; k < a.length; k++) {
            double pk = a[p][k];
            double qk = a[q][k];
            a[p][k] = c * pk - s * qk;
            a[q][k] = s * pk + c * qk;
        }
        for (int k = 0; k < a.length; k++) {
            double kp = vectors[k][p];
            double kq = vectors[k][q];
            vectors[k][p] = c * kp - s * kq;
            vectors[k][q] = s * kp + c * kq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += i == j ? 0 : a[i][j] * a[i][j];
            }
        }
        return sum;
    }

    private static double diagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i][i] * a[i][i];
        }
        return sum;
    }

    /** The rotation matrix of a unit quaternion (w, x, y, z). */
    private static double[][] fromQuaternion(double[] q) {
        double w = q[0];
        double x = q[1];
        double y = q[2];
        double z = q[3];
        return new double[][] {
            {w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y)},
            {2 * (y * x + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x)},
            {2 * (z * x - w * y), 2 * (z * y + w * x), w * w - x * x - y * y + z * z},
        };
    }
}
