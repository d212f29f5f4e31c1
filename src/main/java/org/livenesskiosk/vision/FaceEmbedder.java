package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.tensorflow.lite.Interpreter;

/**
 * Who a face is, as a point on the unit sphere: MobileFaceNet's 192 numbers for the face
 * {@linkplain AlignedFace aligned} onto its 112×112 square. Two pictures of one person lie close
 * (a cosine {@link #similarity} near 1), two people further apart; the threshold between them is
 * measured on the shared clips (docs/identity.md).
 *
 * <p>The network takes two faces at once; it is given the face and its mirror image, and their
 * embeddings are averaged (the usual "flip test"): the embedding of a mirrored recording is then
 * the original's, and the two views' noise partly cancels.
 *
 * <p>Runs on TensorFlow Lite's runtime only (OpenCV's importer lacks its ABS operator), about 10 ms a
 * face and its mirror on one core: the service embeds a sample of each recording's frames, never
 * every one. Not thread-safe: one instance per analysis thread.
 */
public final class FaceEmbedder {

    public static final int DIMENSIONS = 192;
    /**
     * Two faces whose {@link #similarity} is at least this are the same person. On the shared
     * clips (docs/identity.md) one person's faces, frontal within 30°, stayed at 0.65 or more, and
     * no two people reached 0.42.
     */
    public static final double SAME_PERSON = 0.5;
    private static final int[] INPUT_SHAPE = {2, AlignedFace.SIDE, AlignedFace.SIDE, 3};
    /** The network's input: RGB, each value v as (v − 127.5) / 128, as it was trained. */
    private static final double MEAN = 127.5;
    private static final double SCALE = 1 / 128.0;
    private static final Cleaner INTERPRETERS = Cleaner.create();

    private final Interpreter interpreter;
    private final ByteBuffer input;
    private final float[][] output = new float[2][DIMENSIONS];

    public FaceEmbedder(Models models) {
        ModelFile model = ModelFile.FACE_EMBEDDING;
        this.interpreter = TfLiteRuntime.interpreter(model, models.verifiedBytes(model)).orElseThrow(
                () -> new ModelException(model.fileName(), "The face embedding runs on TensorFlow Lite's runtime, which does not "
                        + "ship for " + System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        if (!Arrays.equals(interpreter.getInputTensor(0).shape(), INPUT_SHAPE)
                || interpreter.getOutputTensor(0).numElements() != 2 * DIMENSIONS) {
            interpreter.close();
            throw new ModelException(model.fileName(), "The face embedding takes " + Arrays.toString(interpreter.getInputTensor(0).shape())
                    + ", not the two 112×112 faces it was pinned for");
        }
        this.input = ByteBuffer.allocateDirect(interpreter.getInputTensor(0).numBytes()).order(ByteOrder.nativeOrder());
        // The interpreter's native memory goes with this embedder; nothing else holds it.
        INTERPRETERS.register(this, interpreter::close);
    }

    /** The unit-length embedding of the face with these landmarks in the frame. */
    public float[] embedding(Mat bgrFrame, FaceLandmarks landmarks) {
        try (PointerScope scope = new PointerScope()) {
            Mat aligned = AlignedFace.of(bgrFrame, landmarks);
            Mat mirrored = new Mat();
            flip(aligned, mirrored, 1);
            input.clear();
            FloatBuffer floats = input.asFloatBuffer();
            for (Mat face : new Mat[] {aligned, mirrored}) {
                Mat rgb = new Mat();
                cvtColor(face, rgb, COLOR_BGR2RGB);
                Mat values = new Mat();
                rgb.convertTo(values, CV_32F, SCALE, -MEAN * SCALE);
                floats.put(values.<FloatBuffer>createBuffer());
            }
            interpreter.run(input, output);
            float[] sum = new float[DIMENSIONS];
            for (float[] view : output) {
                float[] unit = unit(view);
                for (int i = 0; i < DIMENSIONS; i++) {
                    sum[i] += unit[i];
                }
            }
            return unit(sum);
        }
    }

    /** The cosine of the angle between two unit embeddings: 1 for the same point, about 0 for unrelated faces. */
    public static double similarity(float[] first, float[] second) {
        double dot = 0;
        for (int i = 0; i < first.length; i++) {
            dot += first[i] * second[i];
        }
        return dot;
    }

    /** The vector scaled to length 1. */
    public static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float[] unit = new float[vector.length];
        double length = Math.sqrt(norm);
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / length);
        }
        return unit;
    }
}
