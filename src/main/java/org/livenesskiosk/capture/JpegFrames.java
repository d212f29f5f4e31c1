package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.util.List;
import java.util.Set;

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
    public static final long MAX_PIXELS = 1920L * 1080;

    /** JPEG's frame headers: SOF0 to SOF15 but for the three other markers in that range. */
    private static final int FIRST_FRAME_HEADER = 0xc0;
    private static final int LAST_FRAME_HEADER = 0xcf;
    private static final Set<Integer> NOT_FRAME_HEADERS = Set.of(0xc4, 0xc8, 0xcc);
    private static final int START_OF_SCAN = 0xda;
    private static final int END_OF_IMAGE = 0xd9;

    /**
     * The image in {@code jpeg}, or an empty Mat when it is not one or is larger than
     * {@link #MAX_PIXELS}. The bytes may be hostile (the service decodes what kiosks send): a JPEG of
     * a few hundred bytes can declare 32,000 pixels a side, which OpenCV would decode into 3 GB over
     * seconds, so the size its header declares is read first and nothing larger is decoded.
     */
    public static Mat decode(byte[] jpeg) {
        long declared = declaredPixels(jpeg);
        if (declared <= 0 || declared > MAX_PIXELS) {
            return new Mat();
        }
        try (BytePointer bytes = new BytePointer(jpeg); Mat buffer = new Mat(1, jpeg.length, CV_8U, bytes)) {
            return imdecode(buffer, IMREAD_COLOR);
        }
    }

    /**
     * The width times the height in the JPEG's frame header, or 0 when it has none before its first
     * scan. Walks the markers as libjpeg does: bytes before a marker's 0xFF are skipped, as are the
     * 0xFF fills, and every segment with a length is stepped over whole.
     */
    static long declaredPixels(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            return 0;
        }
        int at = 2;
        while (true) {
            while (at < jpeg.length && (jpeg[at] & 0xff) != 0xff) {
                at++;
            }
            while (at < jpeg.length && (jpeg[at] & 0xff) == 0xff) {
                at++;
            }
            if (at + 2 >= jpeg.length) {
                return 0;
            }
            int marker = jpeg[at] & 0xff;
            at++;
            if (marker == START_OF_SCAN || marker == END_OF_IMAGE) {
                return 0;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                continue; // TEM and the restart markers stand alone
            }
            int length = (jpeg[at] & 0xff) << 8 | jpeg[at + 1] & 0xff;
            if (marker >= FIRST_FRAME_HEADER && marker <= LAST_FRAME_HEADER && !NOT_FRAME_HEADERS.contains(marker)) {
                // length (2), sample precision (1), height (2), width (2)
                if (length < 7 || at + 7 > jpeg.length) {
                    return 0;
                }
                long height = (jpeg[at + 3] & 0xff) << 8 | jpeg[at + 4] & 0xff;
                long width = (jpeg[at + 5] & 0xff) << 8 | jpeg[at + 6] & 0xff;
                return height * width;
            }
            if (length < 2) {
                return 0;
            }
            at += length;
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
