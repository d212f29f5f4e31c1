package org.livenesskiosk.testdata;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A JPEG of a few hundred bytes whose frame header declares a picture of any size: what an attacker
 * sends to make a decoder allocate gigabytes. Its scan is a small grey square's, so a decoder that
 * believes the header reads past the data and fills the rest.
 */
public final class JpegBomb {

    private JpegBomb() {
    }

    /** A grey 16×16 JPEG whose baseline frame header (SOF0) says {@code width} × {@code height}. */
    public static byte[] declaring(int width, int height) {
        try (Mat grey = new Mat(16, 16, CV_8UC3, new Scalar(128, 128, 128, 0)); BytePointer out = new BytePointer()) {
            imencode(".jpg", grey, out);
            byte[] jpeg = new byte[(int) out.limit()];
            out.get(jpeg);
            int header = frameHeader(jpeg);
            // After the marker: length (2), sample precision (1), height (2), width (2).
            jpeg[header + 5] = (byte) (height >> 8);
            jpeg[header + 6] = (byte) height;
            jpeg[header + 7] = (byte) (width >> 8);
            jpeg[header + 8] = (byte) width;
            return jpeg;
        }
    }

    /** Where the SOF0 marker's 0xFF is: OpenCV's encoder writes baseline JPEGs. */
    public static int frameHeader(byte[] jpeg) {
        for (int at = 2; at < jpeg.length - 1; at++) {
            if ((jpeg[at] & 0xff) == 0xff && (jpeg[at + 1] & 0xff) == 0xc0) {
                return at;
            }
        }
        throw new AssertionError("no SOF0 marker");
    }
}
