package org.livenesskiosk.testdata;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.livenesskiosk.vision.Box;
import org.livenesskiosk.liveness.IdCardCapture;

/**
 * Camera frames of an identity card held to the kiosk, made from real pictures: a real scene
 * (1280 × 720) and, inside the kiosk's guide rectangle, a light card-coloured rectangle with a real
 * face photo pasted at about a quarter of its width and lines of print beside it.
 */
public final class IdCards {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    /** How a frame of the card is spoilt. */
    public enum Flaw { NONE, BLUR, GLARE, NO_CARD }

    private IdCards() {
    }

    /** A frame of the card with this face photo over this scene, spoilt as asked. */
    public static Mat frame(Path scene, Path facePhoto, Flaw flaw) {
        Mat frame = new Mat();
        resize(imread(scene.toString()), frame, new Size(WIDTH, HEIGHT));
        if (flaw == Flaw.NO_CARD) {
            return frame;
        }
        Box guide = IdCardCapture.guide(WIDTH, HEIGHT);
        Rect card = new Rect((int) (guide.x() + guide.width() * 0.05), (int) (guide.y() + guide.height() * 0.06),
                (int) (guide.width() * 0.9), (int) (guide.height() * 0.88));
        rectangle(frame, card, new Scalar(214, 226, 232, 0), FILLED, LINE_AA, 0);
        int side = card.width() / 4 + card.width() / 16;
        Mat whole = imread(facePhoto.toString());
        // The photo's centre square: a card's portrait is about square, and resizing a wide picture to one would squeeze the face.
        int square = Math.min(whole.cols(), whole.rows());
        Mat photo = new Mat();
        resize(new Mat(whole, new Rect((whole.cols() - square) / 2, (whole.rows() - square) / 2, square, square)), photo,
                new Size(side, side));
        photo.copyTo(new Mat(frame, new Rect(card.x() + card.width() / 20, card.y() + card.height() / 6, side, side)));
        int textX = card.x() + card.width() / 20 + side + card.width() / 20;
        String[] lines = {"REPUBLIK INDONESIA", "NIK 3171 0123 4567 0001", "Nama  BUDI SANTOSO", "Lahir 17-08-1985",
            "Alamat JL. MERDEKA 12", "Berlaku SEUMUR HIDUP"};
        for (int i = 0; i < lines.length; i++) {
            putText(frame, lines[i], new Point(textX, card.y() + card.height() / 6 + 20 + i * card.height() / 9),
                    FONT_HERSHEY_SIMPLEX, 0.6, new Scalar(40, 30, 20, 0), 1, LINE_AA, false);
        }
        if (flaw == Flaw.BLUR) {
            GaussianBlur(frame, frame, new Size(0, 0), 6);
        } else if (flaw == Flaw.GLARE) {
            // A lamp's reflection across the card's print.
            circle(frame, new Point(textX + card.width() / 5, card.y() + card.height() / 2), card.height() / 4,
                    new Scalar(255, 255, 255, 0), FILLED, LINE_AA, 0);
        }
        return frame;
    }

    /** Writes frames into a folder, numbered in order, as a folder source plays them. */
    public static Path folder(Path folder, Mat... frames) throws IOException {
        for (int i = 0; i < frames.length; i++) {
            if (!imwrite(folder.resolve(String.format("frame-%03d.png", i)).toString(), frames[i])) {
                throw new IOException("OpenCV could not write a frame into " + folder);
            }
        }
        return folder;
    }
}
