package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.tensorflow.lite.Interpreter;

/**
 * MediaPipe's FaceMesh: crops the rotated face region to the model's 192×192 input, runs the
 * network, and maps the 468 landmarks back to frame pixels.
 *
 * <p>The network runs on TensorFlow Lite's XNNPACK kernels where that runtime ships (see
 * {@link TfLiteRuntime}): it is the one network every frame needs, and there it takes about two
 * thirds of OpenCV DNN's time for the same points. Elsewhere OpenCV DNN runs it.
 *
 * <p>Not thread-safe: one instance per analysis thread. Call from inside a
 * {@link org.bytedeco.javacpp.PointerScope} so that the temporary {@code Mat}s are released.
 */
public final class FaceMeshLandmarker {

    private static final int INPUT_SIZE = 192;
    private static final Cleaner INTERPRETERS = Cleaner.create();

    private final Network network;

    public FaceMeshLandmarker(Models models) {
        this(xnnpack(models).orElseGet(() -> openCv(models)));
    }

    FaceMeshLandmarker(Network network) {
        this.network = network;
    }

    /** The network on TensorFlow Lite's XNNPACK kernels, when that runtime ships for this system. */
    static Optional<Network> xnnpack(Models models) {
        return TfLiteRuntime.interpreter(ModelFile.FACE_LANDMARKS, models.verifiedBytes(ModelFile.FACE_LANDMARKS))
                .map(XnnpackNetwork::new);
    }

    /** The network through OpenCV DNN. */
    static Network openCv(Models models) {
        return new OpenCvNetwork(models.load(ModelFile.FACE_LANDMARKS));
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
        RawMesh mesh = network.run(crop);
        float[] raw = mesh.points();

        float[] xyz = new float[3 * FaceLandmarks.COUNT];
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            double u = raw[3 * i];
            double v = raw[3 * i + 1];
            xyz[3 * i] = (float) (cropToFrame[0] * u + cropToFrame[1] * v + cropToFrame[2]);
            xyz[3 * i + 1] = (float) (cropToFrame[3] * u + cropToFrame[4] * v + cropToFrame[5]);
            xyz[3 * i + 2] = (float) (raw[3 * i + 2] * scale);
        }
        return new FaceLandmarks(xyz, Tensors.sigmoid(mesh.presenceLogit()));
    }

    /** The network's answer in crop pixels: x, y, z of each landmark, and the logit of a face being there. */
    record RawMesh(float[] points, float presenceLogit) {
    }

    /** FaceMesh's network on one engine: a 192×192 BGR crop in. */
    interface Network {
        RawMesh run(Mat bgrCrop);
    }

    private static final class OpenCvNetwork implements Network {

        private final Net net;
        private final StringVector outputNames;

        OpenCvNetwork(Net net) {
            this.net = net;
            this.outputNames = net.getUnconnectedOutLayersNames();
        }

        @Override
        public RawMesh run(Mat bgrCrop) {
            // FaceMesh takes RGB scaled to [0, 1].
            net.setInput(blobFromImage(bgrCrop, 1 / 255.0, new Size(), new Scalar(0, 0, 0, 0), true, false, CV_32F));
            MatVector outputs = new MatVector();
            net.forward(outputs, outputNames);
            float[] first = Tensors.toFloats(outputs.get(0));
            float[] second = Tensors.toFloats(outputs.get(1));
            return first.length == 3 * FaceLandmarks.COUNT ? new RawMesh(first, second[0]) : new RawMesh(second, first[0]);
        }
    }

    private static final class XnnpackNetwork implements Network {

        private final Interpreter interpreter;
        private final int pointsOutput;
        private final ByteBuffer points = ByteBuffer.allocateDirect(Float.BYTES * 3 * FaceLandmarks.COUNT)
                .order(ByteOrder.nativeOrder());
        private final ByteBuffer presence = ByteBuffer.allocateDirect(Float.BYTES).order(ByteOrder.nativeOrder());

        XnnpackNetwork(Interpreter interpreter) {
            this.interpreter = interpreter;
            this.pointsOutput = interpreter.getOutputTensor(0).numElements() == 3 * FaceLandmarks.COUNT ? 0 : 1;
            // The interpreter's native memory goes with this network; nothing else holds it.
            INTERPRETERS.register(this, interpreter::close);
        }

        @Override
        public RawMesh run(Mat bgrCrop) {
            // FaceMesh takes RGB scaled to [0, 1], height × width × channel: OpenCV's own layout.
            Mat rgb = new Mat();
            cvtColor(bgrCrop, rgb, COLOR_BGR2RGB);
            Mat input = new Mat();
            rgb.convertTo(input, CV_32F, 1 / 255.0, 0);
            points.clear();
            presence.clear();
            interpreter.runForMultipleInputsOutputs(new Object[] {input.<FloatBuffer>createBuffer()},
                    Map.of(pointsOutput, points, 1 - pointsOutput, presence));
            float[] xyz = new float[3 * FaceLandmarks.COUNT];
            points.rewind();
            points.asFloatBuffer().get(xyz);
            return new RawMesh(xyz, presence.getFloat(0));
        }
    }
}
