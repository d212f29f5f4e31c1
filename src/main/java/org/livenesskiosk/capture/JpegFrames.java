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

    /**
     * The most pixels a recorded frame or an evidence image may have: a full-HD camera's frame, twice
     * the largest best image (1,000 square); the kiosk records its frames at 480 pixels a side.
     */
    static final long MAX_PIXELS = 1920L * 1080;
    /** The most scans: the kiosk's encoder writes one; a sequential JPEG needs at most one a colour component. */
    static final int MAX_SCANS = 3;

    /**
     * The image in {@code jpeg}, or an empty Mat when it is not one, or not one the kiosk writes:
     * sequential, at most {@link #MAX_PIXELS} and {@link #MAX_SCANS} scans. The bytes may be hostile
     * (the service decodes what kiosks send), so their {@link JpegStructure} is read first and
     * nothing that would cost more to decode than a camera's frame is.
     */
    public static Mat decode(byte[] jpeg) {
        if (JpegStructure.of(jpeg).filter(JpegFrames::asTheKioskWritesIt).isEmpty()) {
            return new Mat();
        }
        try (BytePointer bytes = new BytePointer(jpeg); Mat buffer = new Mat(1, jpeg.length, CV_8U, bytes)) {
            return imdecode(buffer, IMREAD_COLOR);
        }
    }

    private static boolean asTheKioskWritesIt(JpegStructure jpeg) {
        return jpeg.sequential() && jpeg.pixels() > 0 && jpeg.pixels() <= MAX_PIXELS && jpeg.scans() <= MAX_SCANS;
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
