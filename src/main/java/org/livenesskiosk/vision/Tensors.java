package org.livenesskiosk.vision;

import java.nio.FloatBuffer;

import org.bytedeco.opencv.opencv_core.Mat;

/** Reading DNN output tensors into Java arrays. */
final class Tensors {

    private Tensors() {
    }

    static float[] toFloats(Mat tensor) {
        FloatBuffer buffer = tensor.createBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
