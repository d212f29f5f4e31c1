package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A session's recording as a source: JPEG frames with their own timestamps, decoded one at a time.
 */
public final class JpegFrames extends StoredPictures<JpegFrames.Encoded> {

    /** One recorded frame: when, in the session's time, and its JPEG bytes. */
    public record Encoded(long timestampMs, byte[] jpeg) {
    }

    public JpegFrames(List<Encoded> frames) {
        super(frames);
    }

    /** The image in {@code jpeg}, or an empty Mat when it is not one. */
    public static Mat decode(byte[] jpeg) {
        try (BytePointer bytes = new BytePointer(jpeg); Mat buffer = new Mat(1, jpeg.length, CV_8U, bytes)) {
            return imdecode(buffer, IMREAD_COLOR);
        }
    }

    @Override
    Mat decode(Encoded frame) {
        return decode(frame.jpeg());
    }

    @Override
    long timestampMs(int index) {
        return picture(index).timestampMs();
    }

    /** The recording's average rate, from its first and last timestamps. */
    @Override
    public double framesPerSecond() {
        if (size() < 2) {
            return 1;
        }
        long spanMs = picture(size() - 1).timestampMs() - picture(0).timestampMs();
        return spanMs <= 0 ? 1 : (size() - 1) * 1000.0 / spanMs;
    }
}
