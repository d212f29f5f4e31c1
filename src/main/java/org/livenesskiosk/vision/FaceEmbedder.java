package org.livenesskiosk.vision;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.tensorflow.lite.Interpreter;

/**
 * Who a face is, as a point on the unit sphere: MobileFaceNet's 192 numbers for the face
 * {@linkplain AlignedFace aligned} onto its 112×112 square. Two pictures of one person lie close
 * (a cosine {@link #similarity} near 1), two people further apart; the threshold between them is
 * measured on the shared clips (docs/identity.md).
 *
 * <p>The network takes two faces at once. A picture that stands for the session (an evidence image,
 * a document) is given with its mirror image and the two embeddings are averaged (the usual "flip
 * test", {@link #embedding}): a mirrored picture then embeds as the original, and the two views'
 * noise partly cancels. The many faces drawn from one recording, compared with each other and with
 * those pictures, go two different faces to an inference ({@link #embedEach}): half the cost.
 *
 * <p>Runs on TensorFlow Lite's runtime only (OpenCV's importer lacks its ABS operator), about 10 ms an
 * inference on one core: the service embeds a sample of each recording's frames, never every one.
 * Not thread-safe: one instance per analysis thread.
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

    /**
     * A face taken out of its frame, aligned, to be embedded later with others ({@link #embedEach}):
     * its 112×112 BGR pixels, held in Java memory, so that it outlives the frame.
     */
    public static final class Face {

        private final byte[] bgr;

        private Face(byte[] bgr) {
            this.bgr = bgr;
        }

        /** The face with these landmarks in the frame, aligned. */
        public static Face of(Mat bgrFrame, FaceLandmarks landmarks) {
            try (PointerScope scope = new PointerScope()) {
                Mat aligned = AlignedFace.of(bgrFrame, landmarks);
                byte[] bgr = new byte[AlignedFace.SIDE * AlignedFace.SIDE * 3];
                aligned.data().get(bgr);
                return new Face(bgr);
            }
        }

        /** The face's mirror image: each row's pixels in reverse order. */
        byte[] mirrored() {
            byte[] mirror = new byte[bgr.length];
            int row = AlignedFace.SIDE * 3;
            for (int y = 0; y < AlignedFace.SIDE; y++) {
                for (int x = 0; x < AlignedFace.SIDE; x++) {
                    System.arraycopy(bgr, y * row + x * 3, mirror, y * row + (AlignedFace.SIDE - 1 - x) * 3, 3);
                }
            }
            return mirror;
        }
    }

    /**
     * The unit-length embedding of the face with these landmarks in the frame: the face and its
     * mirror image in one inference, averaged. A mirrored picture embeds as the original.
     */
    public float[] embedding(Mat bgrFrame, FaceLandmarks landmarks) {
        Face face = Face.of(bgrFrame, landmarks);
        run(face.bgr, face.mirrored());
        return unit(sum(unit(output[0]), unit(output[1])));
    }

    /**
     * The unit-length embedding of each face as it is, two faces to an inference: half what
     * {@link #embedding} costs a face, for the many faces of one recording that are compared with
     * each other. Unlike {@link #embedding}, a mirrored face does not embed as the original.
     */
    public List<float[]> embedEach(List<Face> faces) {
        List<float[]> embeddings = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i += 2) {
            Face first = faces.get(i);
            // An odd one out fills both places; the second answer is not read.
            Face second = i + 1 < faces.size() ? faces.get(i + 1) : first;
            run(first.bgr, second.bgr);
            embeddings.add(unit(output[0]));
            if (i + 1 < faces.size()) {
                embeddings.add(unit(output[1]));
            }
        }
        return embeddings;
    }

    /** One inference over two aligned BGR faces, into {@link #output}. */
    private void run(byte[] firstBgr, byte[] secondBgr) {
        input.clear();
        FloatBuffer floats = input.asFloatBuffer();
        for (byte[] face : new byte[][] {firstBgr, secondBgr}) {
            // The network takes RGB: each pixel's three bytes in reverse order, scaled as it was trained.
            for (int pixel = 0; pixel < face.length; pixel += 3) {
                for (int channel = 2; channel >= 0; channel--) {
                    floats.put((float) (((face[pixel + channel] & 0xff) - MEAN) * SCALE));
                }
            }
        }
        interpreter.run(input, output);
    }

    private static float[] sum(float[] first, float[] second) {
        float[] sum = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            sum[i] = first[i] + second[i];
        }
        return sum;
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
