package org.livenesskiosk.vision;

/**
 * A linear least-squares fit of a few unknowns by its normal equations, as the landmark fits need
 * it (a homography's eight, the perspective cue's three): equations are added one by one and the
 * system is solved once, by Gaussian elimination with partial pivoting. Pure arithmetic.
 */
public final class LeastSquares {

    private final double[][] normal;
    private final double[] rhs;

    public LeastSquares(int unknowns) {
        normal = new double[unknowns][unknowns];
        rhs = new double[unknowns];
    }

    /** One equation: {@code coefficients · unknowns = target}. */
    public void add(double[] coefficients, double target) {
        for (int r = 0; r < rhs.length; r++) {
            rhs[r] += coefficients[r] * target;
            for (int c = 0; c < rhs.length; c++) {
                normal[r][c] += coefficients[r] * coefficients[c];
            }
        }
    }

    /** The unknowns that fit the equations best; one the equations do not determine is 0. */
    public double[] solve() {
        int n = rhs.length;
        double[][] matrix = new double[n][];
        for (int row = 0; row < n; row++) {
            matrix[row] = normal[row].clone();
        }
        double[] target = rhs.clone();
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(matrix[row][column]) > Math.abs(matrix[pivot][column])) {
                    pivot = row;
                }
            }
            double[] rowSwap = matrix[column];
            matrix[column] = matrix[pivot];
            matrix[pivot] = rowSwap;
            double targetSwap = target[column];
            target[column] = target[pivot];
            target[pivot] = targetSwap;
            if (matrix[column][column] == 0) {
                continue;
            }
            for (int row = column + 1; row < n; row++) {
                double factor = matrix[row][column] / matrix[column][column];
                target[row] -= factor * target[column];
                for (int c = column; c < n; c++) {
                    matrix[row][c] -= factor * matrix[column][c];
                }
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = target[row];
            for (int c = row + 1; c < n; c++) {
                sum -= matrix[row][c] * solution[c];
            }
            solution[row] = matrix[row][row] == 0 ? 0 : sum / matrix[row][row];
        }
        return solution;
    }
}
