package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.tensorflow.lite.Interpreter;

/**
 * One of MediaPipe's networks (BlazeFace, FaceMesh): a square BGR image in, its output tensors out,
 * each as a flat array (callers tell them apart by their lengths). The network takes the image as
 * RGB with every value v turned into (v − mean) × scale.
 *
 * <p>They run on every frame, so on TensorFlow Lite's XNNPACK kernels where that runtime ships
 * (see {@link TfLiteRuntime}): there FaceMesh takes about two thirds of OpenCV DNN's time for the
 * same points. Elsewhere OpenCV DNN runs them.
 *
 * <p>Not thread-safe: one instance per analysis thread. Call from inside a
 * {@link org.bytedeco.javacpp.PointerScope} so that the temporary {@code Mat}s are released.
 */
abstract sealed class MediaPipeNetwork {

    private static final Cleaner INTERPRETERS = Cleaner.create();

    final double mean;
    final double scale;

    private MediaPipeNetwork(double mean, double scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** The network on the fastest engine this system has. */
    static MediaPipeNetwork load(Models models, ModelFile model, double mean, double scale) {
        return onTfLite(models, model, mean, scale).orElseGet(() -> onOpenCv(models, model, mean, scale));
    }

    /** On TensorFlow Lite's XNNPACK kernels, when that runtime ships for this system. */
    static Optional<MediaPipeNetwork> onTfLite(Models models, ModelFile model, double mean, double scale) {
        return TfLiteRuntime.interpreter(model, models.verifiedBytes(model))
                .map(interpreter -> new OnTfLite(interpreter, mean, scale));
    }

    /** Through OpenCV DNN. */
    static MediaPipeNetwork onOpenCv(Models models, ModelFile model, double mean, double scale) {
        return new OnOpenCv(models.load(model), mean, scale);
    }

    /** The network's outputs for a square BGR image of its input size. */
    abstract float[][] run(Mat bgr);

    private static final class OnOpenCv extends MediaPipeNetwork {

        private final Net net;
        private final StringVector outputNames;

        OnOpenCv(Net net, double mean, double scale) {
            super(mean, scale);
            this.net = net;
            this.outputNames = net.getUnconnectedOutLayersNames();
        }

        @Override
        float[][] run(Mat bgr) {
            net.setInput(blobFromImage(bgr, scale, new Size(), new Scalar(mean, mean, mean, 0), true, false, CV_32F));
            MatVector outputs = new MatVector();
            net.forward(outputs, outputNames);
            float[][] values = new float[(int) outputs.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = Tensors.toFloats(outputs.get(i));
            }
            return values;
        }
    }

    private static final class OnTfLite extends MediaPipeNetwork {

        private final Interpreter interpreter;
        private final ByteBuffer[] outputs;
        /** The same buffers, by output index, as the interpreter takes them. */
        private final Map<Integer, Object> outputsByIndex = new HashMap<>();

        OnTfLite(Interpreter interpreter, double mean, double scale) {
            super(mean, scale);
            this.interpreter = interpreter;
            this.outputs = new ByteBuffer[interpreter.getOutputTensorCount()];
            for (int i = 0; i < outputs.length; i++) {
                outputs[i] = ByteBuffer.allocateDirect(interpreter.getOutputTensor(i).numBytes()).order(ByteOrder.nativeOrder());
                outputsByIndex.put(i, outputs[i]);
            }
            // The interpreter's native memory goes with this network; nothing else holds it.
            INTERPRETERS.register(this, interpreter::close);
        }

        @Override
        float[][] run(Mat bgr) {
            // Height × width × channel, OpenCV's own layout, is the network's.
            Mat rgb = new Mat();
            cvtColor(bgr, rgb, COLOR_BGR2RGB);
            Mat input = new Mat();
            rgb.convertTo(input, CV_32F, scale, -mean * scale);
            for (ByteBuffer output : outputs) {
                output.clear();
            }
            interpreter.runForMultipleInputsOutputs(new Object[] {input.<FloatBuffer>createBuffer()}, outputsByIndex);
            float[][] values = new float[outputs.length][];
            for (int i = 0; i < values.length; i++) {
                FloatBuffer floats = outputs[i].rewind().asFloatBuffer();
                values[i] = new float[floats.remaining()];
                floats.get(values[i]);
            }
            return values;
        }
    }
}
