package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The square face image a liveness result carries: centred on the face with a margin for hair and
 * chin, scaled to the requested size, as JPEG. The square always lies within the frame — moved
 * inwards, or made smaller, for a face near an edge — so the image never has a black band.
 */
public final class FaceCrop {

    /** The crop's side as a multiple of the face's larger side. */
    static final double MARGIN = 1.8;
    private static final int JPEG_QUALITY = 92;

    private FaceCrop() {
    }

    /** A whole frame as JPEG. */
    public static byte[] jpegOfFrame(Mat frame) {
        try (PointerScope scope = new PointerScope()) {
            return encode(frame);
        }
    }

    public static byte[] jpeg(Mat frame, Box face, int size) {
        try (PointerScope scope = new PointerScope()) {
            double side = Math.min(Math.max(face.width(), face.height()) * MARGIN, Math.min(frame.cols(), frame.rows()));
            double centerX = within(face.centerX(), side / 2, frame.cols() - side / 2);
            double centerY = within(face.centerY(), side / 2, frame.rows() - side / 2);
            double scale = size / side;
            Mat transform = new Mat(2, 3, CV_64F);
            DoubleIndexer indexer = transform.createIndexer();
            indexer.put(0L, scale, 0, size / 2.0 - centerX * scale, 0, scale, size / 2.0 - centerY * scale);
            indexer.close();
            Mat crop = new Mat();
            // The square is inside the frame; replicating the edge only covers the last pixel's rounding.
            warpAffine(frame, crop, transform, new Size(size, size), INTER_AREA, BORDER_REPLICATE, new Scalar());
            return encode(crop);
        }
    }

    private static double within(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static byte[] encode(Mat image) {
        BytePointer encoded = new BytePointer();
        imencode(".jpg", image, encoded, new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY));
        byte[] bytes = new byte[(int) encoded.limit()];
        encoded.get(bytes);
        return bytes;
    }
}
