package org.livenesskiosk.testdata;

import static org.bytedeco.opencv.global.opencv_core.BORDER_TRANSPARENT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.io.IOException;
import java.nio.file.Path;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.livenesskiosk.liveness.IdCardCapture;
import org.livenesskiosk.vision.Box;

/**
 * Camera frames of what a customer holds up to the kiosk, made from real pictures: a real scene
 * (1280 × 720) and, inside the kiosk's guide rectangle, a light ID-1 card with a real face photo
 * at about a quarter of its width and lines of print beside it — held flat, turned in perspective,
 * or under a thumb — or things that are not a card: the face photo alone, or printed on an A4 sheet.
 */
public final class IdCards {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    /** What the customer holds up, and how. */
    public enum Held {
        /** Nothing: the scene alone. */
        NOTHING,
        CARD,
        /** The card turned 10° and tilted away at its top, as a hand holds it. */
        TURNED_CARD,
        /** The card held by a thumb over its lower edge, the hand reaching out of the frame. */
        CARD_UNDER_THUMB,
        BLURRED_CARD,
        /** A lamp's reflection across the card's print. */
        CARD_WITH_GLARE,
        /** The face photo alone, at a card portrait's size: not a card. */
        FACE_PHOTO,
        /** The face printed on a landscape A4 sheet filling the rectangle's height: not a card. */
        A4_PRINT
    }

    private static final Scalar CARD_COLOUR = new Scalar(214, 226, 232, 0);
    private static final Scalar PAPER_COLOUR = new Scalar(245, 245, 245, 0);
    private static final Scalar SKIN_COLOUR = new Scalar(120, 150, 200, 0);

    private IdCards() {
    }

    /** A frame of this face photo, over this scene, held up as asked. */
    public static Mat frame(Path scene, Path facePhoto, Held held) {
        Mat frame = new Mat();
        resize(imread(scene.toString()), frame, new Size(WIDTH, HEIGHT));
        if (held == Held.NOTHING) {
            return frame;
        }
        Mat flat = flat(facePhoto, held);
        Mat transform = getPerspectiveTransform(points(0, 0, flat.cols(), 0, flat.cols(), flat.rows(), 0, flat.rows()),
                points(corners(held)));
        warpPerspective(flat, frame, transform, frame.size(), INTER_LINEAR, BORDER_TRANSPARENT, new Scalar());
        Box bounds = bounds(held);
        if (held == Held.CARD_UNDER_THUMB) {
            int thumbX = (int) (bounds.x() + bounds.width() * 0.7);
            int edgeY = (int) (bounds.y() + bounds.height());
            ellipse(frame, new Point(thumbX, edgeY - 20), new Size(32, 55), 0, 0, 360, SKIN_COLOUR, FILLED, LINE_AA, 0);
            rectangle(frame, new Rect(thumbX - 60, edgeY + 10, 150, HEIGHT - edgeY - 10), SKIN_COLOUR, FILLED, LINE_AA, 0);
        } else if (held == Held.BLURRED_CARD) {
            GaussianBlur(frame, frame, new Size(0, 0), 6);
        } else if (held == Held.CARD_WITH_GLARE) {
            circle(frame, new Point((int) bounds.centerX() + (int) (bounds.width() / 6), (int) bounds.centerY()),
                    (int) (bounds.height() / 4), new Scalar(255, 255, 255, 0), FILLED, LINE_AA, 0);
        }
        return frame;
    }

    /** The bounds, in the frame, of the card (or photo, or sheet) held as asked: where its outline should be found. */
    public static Box bounds(Held held) {
        float[] corners = corners(held);
        float left = Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        for (int i = 0; i < corners.length; i += 2) {
            left = Math.min(left, corners[i]);
            right = Math.max(right, corners[i]);
            top = Math.min(top, corners[i + 1]);
            bottom = Math.max(bottom, corners[i + 1]);
        }
        return new Box(left, top, right - left, bottom - top);
    }

    /** The thing held, face on: a card with its portrait and print, the photo alone, or the A4 sheet with the photo. */
    private static Mat flat(Path facePhoto, Held held) {
        Size size = size(held);
        int portrait = (int) (cardWidth() / 4 + cardWidth() / 16);
        Mat photo = squarePhoto(facePhoto, portrait);
        if (held == Held.FACE_PHOTO) {
            return photo;
        }
        Mat flat = new Mat(size, CV_8UC3, held == Held.A4_PRINT ? PAPER_COLOUR : CARD_COLOUR);
        int margin = size.width() / 20;
        photo.copyTo(new Mat(flat, new Rect(margin, size.height() / 6, portrait, portrait)));
        if (held != Held.A4_PRINT) {
            String[] lines = {"REPUBLIK INDONESIA", "NIK 3171 0123 4567 0001", "Nama  BUDI SANTOSO", "Lahir 17-08-1985",
                "Alamat JL. MERDEKA 12", "Berlaku SEUMUR HIDUP"};
            for (int i = 0; i < lines.length; i++) {
                putText(flat, lines[i], new Point(2 * margin + portrait, size.height() / 6 + 20 + i * size.height() / 9),
                        FONT_HERSHEY_SIMPLEX, 0.6, new Scalar(40, 30, 20, 0), 1, LINE_AA, false);
            }
        }
        return flat;
    }

    /** The photo's centre square: a card's portrait is about square, and resizing a wide picture to one would squeeze the face. */
    private static Mat squarePhoto(Path facePhoto, int side) {
        Mat whole = imread(facePhoto.toString());
        int square = Math.min(whole.cols(), whole.rows());
        Mat photo = new Mat();
        resize(new Mat(whole, new Rect((whole.cols() - square) / 2, (whole.rows() - square) / 2, square, square)), photo,
                new Size(side, side));
        return photo;
    }

    private static Size size(Held held) {
        int card = (int) cardWidth();
        return switch (held) {
            case FACE_PHOTO -> new Size(card / 4 + card / 16, card / 4 + card / 16);
            case A4_PRINT -> new Size((int) (guide().height() * 0.95 * Math.sqrt(2)), (int) (guide().height() * 0.95));
            default -> new Size(card, (int) (card / IdCardCapture.CARD_ASPECT));
        };
    }

    /** Where the thing's corners fall in the frame (top left, top right, bottom right, bottom left), as x, y pairs. */
    private static float[] corners(Held held) {
        Size size = size(held);
        double left = guide().centerX() - size.width() / 2.0;
        double top = guide().centerY() - size.height() / 2.0;
        if (held == Held.FACE_PHOTO) {
            left = guide().x() + guide().width() * 0.1;
        }
        double[] flat = {left, top, left + size.width(), top, left + size.width(), top + size.height(), left, top + size.height()};
        if (held != Held.TURNED_CARD) {
            return toFloats(flat);
        }
        // Tilted away at the top (its top edge 6 % narrower), then turned 10° about the card's centre.
        double narrowing = size.width() * 0.03;
        flat[0] += narrowing;
        flat[2] -= narrowing;
        double angle = Math.toRadians(10);
        double[] turned = new double[8];
        for (int i = 0; i < 8; i += 2) {
            double dx = flat[i] - guide().centerX();
            double dy = flat[i + 1] - guide().centerY();
            turned[i] = guide().centerX() + dx * Math.cos(angle) - dy * Math.sin(angle);
            turned[i + 1] = guide().centerY() + dx * Math.sin(angle) + dy * Math.cos(angle);
        }
        return toFloats(turned);
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static Mat points(float... xy) {
        Mat points = new Mat(4, 1, CV_32FC2);
        new FloatPointer(points.data()).put(xy);
        return points;
    }

    private static Box guide() {
        return IdCardCapture.guide(WIDTH, HEIGHT);
    }

    /** A card filling 90 % of the guide's width. */
    private static double cardWidth() {
        return guide().width() * 0.9;
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
