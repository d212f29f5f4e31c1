package org.livenesskiosk.vision;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Head pose from a true 3-D fit: the FaceMesh points are matched to MediaPipe's canonical face by
 * the rotation, scale and shift that bring them closest (a weighted orthogonal Procrustes fit, on
 * the points and with the weights MediaPipe's own face geometry uses), and the rotation is read
 * as yaw, pitch and roll. Unlike angles read off a few points, this does not shrink large turns.
 *
 * <p>Immutable and thread-safe; the fit is a few hundred multiplications per face.
 */
public final class HeadPoseFit {

    private static final Pattern VERTEX = Pattern.compile("(?m)^v\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern BASIS = Pattern.compile("landmark_id:\\s*(\\d+)\\s+weight:\\s*(\\S+)");

    /** Landmark indices of the fit, their canonical positions (x right, y up, z toward the viewer, cm) and weights. */
    private final int[] landmarks;
    private final double[][] canonical;
    private final double[] weights;

    HeadPoseFit(int[] landmarks, double[][] canonical, double[] weights) {
        this.landmarks = landmarks.clone();
        this.canonical = canonical.clone();
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        this.weights = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = weights[i] / total;
        }
    }

    /** The canonical face and its fit settings, verified against their pinned digests. */
    public static HeadPoseFit load(Models models) {
        String model = new String(models.verifiedBytes(ModelFile.CANONICAL_FACE), StandardCharsets.US_ASCII);
        String fit = new String(models.verifiedBytes(ModelFile.CANONICAL_FACE_FIT), StandardCharsets.US_ASCII);
        List<double[]> vertices = new ArrayList<>();
        for (Matcher vertex = VERTEX.matcher(model); vertex.find(); ) {
            vertices.add(new double[] {Double.parseDouble(vertex.group(1)), Double.parseDouble(vertex.group(2)),
                Double.parseDouble(vertex.group(3))});
        }
        if (vertices.size() != FaceLandmarks.COUNT) {
            throw new ModelException(ModelFile.CANONICAL_FACE.fileName(),
                    "The canonical face has " + vertices.size() + " points, not " + FaceLandmarks.COUNT);
        }
        List<Integer> ids = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Matcher basis = BASIS.matcher(fit); basis.find(); ) {
            ids.add(Integer.parseInt(basis.group(1)));
            weights.add(Double.parseDouble(basis.group(2)));
        }
        if (ids.isEmpty()) {
            throw new ModelException(ModelFile.CANONICAL_FACE_FIT.fileName(), "The canonical face's fit names no points");
        }
        return new HeadPoseFit(ids.stream().mapToInt(Integer::intValue).toArray(),
                ids.stream().map(vertices::get).toArray(double[][]::new),
                weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Yaw, pitch and roll of the face, in the directions {@link HeadPose} names. */
    public HeadPose of(FaceLandmarks face) {
        // The landmarks' frame (x right, y down, z away from the camera) turned half a turn about x,
        // to match the canonical face's frame (y up, z toward the viewer).
        double[][] seen = new double[landmarks.length][];
        for (int i = 0; i < landmarks.length; i++) {
            int id = landmarks[i];
            seen[i] = new double[] {face.x(id), -face.y(id), -face.z(id)};
        }
        return angles(Procrustes.rotation(canonical, seen, weights));
    }

    /**
     * Reads the rotation that turns the canonical face into the seen one as Tait–Bryan angles. The
     * angles are those of its inverse written Rz(roll)·Ry(yaw)·Rx(pitch), the convention of
     * AFLW2000-3D and most published pose estimators; the yaw's sign is flipped to ours (positive:
     * nose toward the image right).
     */
    static HeadPose angles(double[][] rotation) {
        // The inverse of a rotation is its transpose: n[i][j] = rotation[j][i].
        double pitch = Math.atan2(rotation[1][2], rotation[2][2]);
        double yaw = Math.atan2(-rotation[0][2], Math.hypot(rotation[0][0], rotation[0][1]));
        double roll = Math.atan2(rotation[0][1], rotation[0][0]);
        return new HeadPose(-Math.toDegrees(yaw), Math.toDegrees(pitch), Math.toDegrees(roll));
    }
}
