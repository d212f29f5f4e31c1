package org.livenesskiosk.testdata;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_PROGRESSIVE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.ByteArrayOutputStream;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * JPEGs made to cost a decoder far more than their bytes, and the plain one they are made from: a few
 * hundred bytes whose frame header declares a picture of any size (a decoder allocates it all and
 * fills what the data lacks), and a picture whose last scan is repeated, each copy a few bytes and a
 * pass over the whole picture.
 */
public final class CraftedJpegs {

    private CraftedJpegs() {
    }

    /** A single-coloured picture as OpenCV's encoder writes it, with its {@code IMWRITE_*} options. */
    public static byte[] plain(int width, int height, int... options) {
        try (Mat image = new Mat(height, width, CV_8UC3, new Scalar(40, 90, 160, 0)); BytePointer out = new BytePointer();
             IntPointer parameters = new IntPointer(options)) {
            imencode(".jpg", image, out, parameters);
            byte[] jpeg = new byte[(int) out.limit()];
            out.get(jpeg);
            return jpeg;
        }
    }

    /** A 16×16 JPEG whose baseline frame header (SOF0) says {@code width} × {@code height}. */
    public static byte[] declaring(int width, int height) {
        byte[] jpeg = plain(16, 16);
        int header = frameHeader(jpeg);
        // After the marker: length (2), sample precision (1), height (2), width (2).
        jpeg[header + 5] = (byte) (height >> 8);
        jpeg[header + 6] = (byte) height;
        jpeg[header + 7] = (byte) (width >> 8);
        jpeg[header + 8] = (byte) width;
        return jpeg;
    }

    /** A progressive {@code width} × {@code height} JPEG filled to about {@code bytes} with copies of its last scan (a dozen bytes). */
    public static byte[] progressiveFilledWithScans(int width, int height, int bytes) {
        byte[] jpeg = plain(width, height, IMWRITE_JPEG_PROGRESSIVE, 1);
        int scanBytes = jpeg.length - 2 - lastScan(jpeg);
        return withLastScanRepeated(jpeg, (bytes - jpeg.length) / scanBytes);
    }

    /** The JPEG with {@code copies} more of its last scan before its end. */
    public static byte[] withLastScanRepeated(byte[] jpeg, int copies) {
        int scan = lastScan(jpeg);
        int endOfImage = jpeg.length - 2;
        ByteArrayOutputStream crafted = new ByteArrayOutputStream();
        crafted.write(jpeg, 0, endOfImage);
        for (int copy = 0; copy < copies; copy++) {
            crafted.write(jpeg, scan, endOfImage - scan);
        }
        crafted.write(jpeg, endOfImage, 2);
        return crafted.toByteArray();
    }

    /** Where the SOF0 marker's 0xFF is: OpenCV's encoder writes baseline JPEGs. */
    public static int frameHeader(byte[] jpeg) {
        return lastMarker(jpeg, 0xc0);
    }

    private static int lastScan(byte[] jpeg) {
        return lastMarker(jpeg, 0xda);
    }

    /** The last 0xFF followed by {@code marker}; OpenCV's encoder writes neither inside its tables or coded data. */
    private static int lastMarker(byte[] jpeg, int marker) {
        for (int at = jpeg.length - 2; at >= 2; at--) {
            if ((jpeg[at] & 0xff) == 0xff && (jpeg[at + 1] & 0xff) == marker) {
                return at;
            }
        }
        throw new AssertionError("no marker 0x" + Integer.toHexString(marker));
    }
}
