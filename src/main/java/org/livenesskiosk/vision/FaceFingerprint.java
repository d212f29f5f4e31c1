package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A perceptual hash of a face as one frame shows it, in both orientations: the face
 * {@linkplain AlignedFace aligned} on its landmarks (so a tilt, a zoom, a crop or a shift of the
 * whole picture changes nothing), grey, shrunk to 17×16, and one bit per horizontal step, brighter
 * or not (a difference hash, 256 bits: brightness and contrast change no step's sign; re-encoding
 * and noise average out in the shrinking). {@code mirrored} is the same of the aligned face's mirror
 * image, which is what a mirrored copy of the frame shows. The same frame keeps nearly every bit;
 * another moment of the same face flips many. One-way: it says that two frames are the same
 * picture, never who is in them, and no face can be drawn back from it.
 */
public record FaceFingerprint(long[] asShown, long[] mirrored) {

    /** Bits in a fingerprint; {@link #LONGS} longs hold them. */
    public static final int BITS = 256;
    public static final int LONGS = BITS / 64;
    private static final int COLUMNS = 17;
    private static final int ROWS = 16;

    /** The fingerprint of the face with these landmarks in the frame. */
    public static FaceFingerprint of(Mat bgrFrame, FaceLandmarks landmarks) {
        try (PointerScope scope = new PointerScope()) {
            Mat grey = new Mat();
            cvtColor(AlignedFace.of(bgrFrame, landmarks), grey, COLOR_BGR2GRAY);
            Mat mirrored = new Mat();
            flip(grey, mirrored, 1);
            return new FaceFingerprint(differenceHash(grey), differenceHash(mirrored));
        }
    }

    private static long[] differenceHash(Mat grey) {
        Mat small = new Mat();
        resize(grey, small, new Size(COLUMNS, ROWS), 0, 0, INTER_AREA);
        long[] bits = new long[LONGS];
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
