package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.FloatBuffer;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * The texture cue against presentation attacks: Minivision's two MiniFASNet networks
 * (Silent-Face-Anti-Spoofing, Apache-2.0) score how likely a face crop is a live face rather than
 * a printed photo or a screen, from what recapture leaves in the pixels (moiré, print dots, the
 * screen's glow and edges, paper's flat shading).
 *
 * <p>Each network sees an 80×80 crop around the face box, 2.7 and 4 times its size, BGR with raw
 * 0–255 values, as upstream feeds them; the answer is the two networks' softmax for "real",
 * averaged. Upstream's boxes come from its own RetinaFace detector, which draws them larger and
 * lower than the box around FaceMesh's landmarks; {@link #upstreamBox} turns ours into theirs so
 * that the networks see what they were trained on (measured in docs/measurements.md, "The passive check").
 *
 * <p>About 5 ms a face on one core, so it runs on a sample of the frames only (see
 * {@code liveness.TextureSampling}), and on a side thread of its own, so that the frame scored does
 * not wait for it ({@link TextureScore}). Not thread-safe: one instance per analysis thread.
 */
public final class TextureScorer {

    private static final int INPUT_SIZE = 80;
    /** Print, real, screen: upstream's classes, in its order. */
    private static final int CLASSES = 3;
    private static final int REAL_CLASS = 1;

    /**
     * Upstream's RetinaFace box relative to the box around FaceMesh's landmarks, measured by running
     * upstream's own detector beside ours on the faces of ten shared clips and image sets (frontal
     * within 25°; the median of each source's median, so that no long clip outweighs the rest):
     * 12 % wider (RetinaFace takes in the ears' edge, the landmarks stop at the cheeks; 5–24 % by
     * source), 3 % shorter, and its centre 2 % of the height lower, towards the chin.
     */
    static final double UPSTREAM_WIDTH = 1.12;
    static final double UPSTREAM_HEIGHT = 0.97;
    static final double UPSTREAM_SHIFT_DOWN = 0.02;

    private enum Network {
        NEAR(ModelFile.TEXTURE_NEAR, 2.7),
        WIDE(ModelFile.TEXTURE_WIDE, 4.0);

        final ModelFile file;
        final double scale;

        Network(ModelFile file, double scale) {
            this.file = file;
            this.scale = scale;
        }
    }

    private final Net near;
    private final Net wide;
    private final SideThread side;

    TextureScorer(Models models, SideThread side) {
        this.near = models.load(Network.NEAR.file);
        this.wide = models.load(Network.WIDE.file);
        this.side = side;
    }

    /**
     * The texture score of the face whose landmarks lie in the box, in a 3-channel BGR frame. The
     * crops are taken here and copied out of the frame, which the caller may then release; the
     * networks run on the side thread.
     *
     * @param landmarkBox the box around the face's FaceMesh landmarks ({@link FaceMetrics#box()})
     */
    TextureScore scoreLater(Mat bgr, Box landmarkBox) {
        Box box = upstreamBox(landmarkBox);
        byte[] nearCrop = pixels(crop(bgr, box, Network.NEAR.scale));
        byte[] wideCrop = pixels(crop(bgr, box, Network.WIDE.scale));
        return new TextureScore(side.submit(() -> {
            long start = System.nanoTime();
            double real = (real(near, image(nearCrop)) + real(wide, image(wideCrop))) / 2;
            return new TextureScore.Scored(real, System.nanoTime() - start);
        }));
    }

    private static byte[] pixels(Mat crop) {
        byte[] pixels = new byte[INPUT_SIZE * INPUT_SIZE * 3];
        crop.data().get(pixels);
        return pixels;
    }

    private static Mat image(byte[] pixels) {
        Mat image = new Mat(INPUT_SIZE, INPUT_SIZE, CV_8UC3);
        image.data().put(pixels);
        return image;
    }

    /** The box upstream's RetinaFace would draw around the face whose landmarks lie in this box. */
    static Box upstreamBox(Box landmarkBox) {
        double width = landmarkBox.width() * UPSTREAM_WIDTH;
        double height = landmarkBox.height() * UPSTREAM_HEIGHT;
        double centerX = landmarkBox.centerX();
        double centerY = landmarkBox.centerY() + landmarkBox.height() * UPSTREAM_SHIFT_DOWN;
        return new Box(centerX - width / 2, centerY - height / 2, width, height);
    }

    private static double real(Net net, Mat crop) {
        Mat blob = blobFromImage(crop, 1.0, new Size(), new Scalar(0, 0, 0, 0), false, false, CV_32F);
        net.setInput(blob);
        // The output shares the network's memory, which goes on past the three logits: read only those.
        float[] logits = new float[CLASSES];
        net.forward().<FloatBuffer>createBuffer().get(logits);
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double sum = 0;
        for (float logit : logits) {
            sum += Math.exp(logit - max);
        }
        return Math.exp(logits[REAL_CLASS] - max) / sum;
    }

    /**
     * Upstream's crop ({@code CropImage._get_new_box}): the box scaled about its centre, no more
     * than the frame can hold, shifted to lie inside the frame, resized to 80×80.
     */
    static Mat crop(Mat bgr, Box box, double wantedScale) {
        int frameWidth = bgr.cols();
        int frameHeight = bgr.rows();
        double scale = Math.min(wantedScale, Math.min((frameHeight - 1) / box.height(), (frameWidth - 1) / box.width()));
        double width = box.width() * scale;
        double height = box.height() * scale;
        double left = box.centerX() - width / 2;
        double top = box.centerY() - height / 2;
        double right = box.centerX() + width / 2;
        double bottom = box.centerY() + height / 2;
        if (left < 0) {
            right -= left;
            left = 0;
        }
        if (top < 0) {
            bottom -= top;
            top = 0;
        }
        if (right > frameWidth - 1) {
            left -= right - frameWidth + 1;
            right = frameWidth - 1;
        }
        if (bottom > frameHeight - 1) {
            top -= bottom - frameHeight + 1;
            bottom = frameHeight - 1;
        }
        int x = Math.max(0, (int) left);
        int y = Math.max(0, (int) top);
        int cropWidth = Math.min(frameWidth - x, (int) right - x + 1);
        int cropHeight = Math.min(frameHeight - y, (int) bottom - y + 1);
        Mat resized = new Mat();
        resize(new Mat(bgr, new Rect(x, y, Math.max(1, cropWidth), Math.max(1, cropHeight))), resized,
                new Size(INPUT_SIZE, INPUT_SIZE), 0, 0, INTER_LINEAR);
        return resized;
    }
}
