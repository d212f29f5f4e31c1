package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * MediaPipe's FaceMesh: crops the rotated face region to the model's 192×192 input, runs the
 * network (see {@link MediaPipeNetwork} for the engine), and maps the 468 landmarks back to frame pixels.
 *
 * <p>Not thread-safe: one instance per analysis thread. Call from inside a
 * {@link org.bytedeco.javacpp.PointerScope} so that the temporary {@code Mat}s are released.
 */
public final class FaceMeshLandmarker {

    private static final int INPUT_SIZE = 192;
    /** FaceMesh takes RGB scaled to [0, 1]. */
    static final double INPUT_MEAN = 0;
    static final double INPUT_SCALE = 1 / 255.0;

    private final MediaPipeNetwork network;

    public FaceMeshLandmarker(Models models) {
        this(MediaPipeNetwork.load(models, ModelFile.FACE_LANDMARKS, INPUT_MEAN, INPUT_SCALE));
    }

    FaceMeshLandmarker(MediaPipeNetwork network) {
        this.network = network;
    }

    /** Landmarks of the face in the given region of a 3-channel BGR frame. */
    public FaceLandmarks landmarks(Mat bgr, FaceRegion region) {
        double scale = region.size() / INPUT_SIZE;
        double cos = Math.cos(region.angle()) * scale;
        double sin = Math.sin(region.angle()) * scale;
        double half = INPUT_SIZE / 2.0;
        // Crop pixel (u, v) -> frame pixel: rotate and scale about the crop centre, then move to the region centre.
        double[] cropToFrame = {
            cos, -sin, region.centerX() - (cos * half - sin * half),
            sin, cos, region.centerY() - (sin * half + cos * half),
        };
        Mat transform = new Mat(2, 3, CV_64F);
        DoubleIndexer indexer = transform.createIndexer();
        indexer.put(0L, cropToFrame);
        indexer.close();

        Mat crop = new Mat();
        warpAffine(bgr, crop, transform, new Size(INPUT_SIZE, INPUT_SIZE), INTER_LINEAR | WARP_INVERSE_MAP,
                BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
        float[][] outputs = network.run(crop);
        boolean pointsFirst = outputs[0].length == 3 * FaceLandmarks.COUNT;
        float[] raw = pointsFirst ? outputs[0] : outputs[1];
        float presenceLogit = (pointsFirst ? outputs[1] : outputs[0])[0];

        float[] xyz = new float[3 * FaceLandmarks.COUNT];
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            double u = raw[3 * i];
            double v = raw[3 * i + 1];
            xyz[3 * i] = (float) (cropToFrame[0] * u + cropToFrame[1] * v + cropToFrame[2]);
            xyz[3 * i + 1] = (float) (cropToFrame[3] * u + cropToFrame[4] * v + cropToFrame[5]);
            xyz[3 * i + 2] = (float) (raw[3 * i + 2] * scale);
        }
        return new FaceLandmarks(xyz, Tensors.sigmoid(presenceLogit));
    }
}
