package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A perceptual hash of a face as one frame shows it: the face's square, grey, shrunk to 17×16,
 * and one bit per horizontal step, brighter or not (a difference hash, 256 bits). The same frame
 * re-encoded keeps nearly every bit; another moment of the same face flips many. Not a face
 * template: it cannot say who someone is, only that two frames are the same picture.
 */
public final class FaceFingerprint {

    /** Bits in a fingerprint; {@link #LONGS} longs hold them. */
    public static final int BITS = 256;
    public static final int LONGS = BITS / 64;
    private static final int COLUMNS = 17;
    private static final int ROWS = 16;

    private FaceFingerprint() {
    }

    /** The fingerprint of the face in the box, or all zeros when the box lies outside the frame. */
    public static long[] of(Mat bgrFrame, Box face) {
        long[] bits = new long[LONGS];
        double side = Math.max(face.width(), face.height());
        Box square = new Box(face.centerX() - side / 2, face.centerY() - side / 2, side, side)
                .clippedTo(bgrFrame.cols(), bgrFrame.rows());
        if (square.width() < 2 || square.height() < 2) {
            return bits;
        }
        try (Rect region = new Rect((int) square.x(), (int) square.y(), (int) square.width(), (int) square.height());
             Mat crop = new Mat(bgrFrame, region); Mat grey = new Mat(); Mat small = new Mat();
             Size size = new Size(COLUMNS, ROWS)) {
            if (crop.channels() == 1) {
                resize(crop, small, size, 0, 0, INTER_AREA);
            } else {
                cvtColor(crop, grey, COLOR_BGR2GRAY);
                resize(grey, small, size, 0, 0, INTER_AREA);
            }
            try (UByteIndexer pixels = small.createIndexer()) {
                int bit = 0;
                for (int row = 0; row < ROWS; row++) {
                    for (int column = 0; column < COLUMNS - 1; column++, bit++) {
                        if (pixels.get(row, column + 1) > pixels.get(row, column)) {
                            bits[bit / 64] |= 1L << (bit % 64);
                        }
                    }
                }
            }
        }
        return bits;
    }

    /** How many bits differ. */
    public static int distance(long[] first, long[] second) {
        int differing = 0;
        for (int i = 0; i < LONGS; i++) {
            differing += Long.bitCount(first[i] ^ second[i]);
        }
        return differing;
    }
}
