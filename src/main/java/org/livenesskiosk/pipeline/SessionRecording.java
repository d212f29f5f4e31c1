package org.livenesskiosk.pipeline;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.livenesskiosk.capture.JpegFrames;

/**
 * The frames a session analysed, as the service will see them: each camera frame is shrunk to at
 * most {@link #MAX_SIDE} pixels and JPEG-encoded, and the kiosk analyses that very JPEG, decoded.
 * The service decodes the same bytes, so its re-run of the session sees the same pixels and
 * reaches the same verdict; a kiosk whose claims differ from its own recording is caught.
 *
 * <p>Biometric data: held in memory until the evidence is sealed in the outbox, never logged.
 */
public final class SessionRecording {

    /**
     * Longest side of a recorded frame: the face detector sees at most 192 pixels of the frame and
     * FaceMesh a 192-pixel crop of the face. A face at this size is about 125 pixels wide at 50 cm
     * from a 60° camera and 78 at the far/near stage's default far end (80 cm), above the 64 the
     * face embedding needs (it needs 100 cm or less; at 640 pixels, 130). Measured against 640
     * (docs/measurements.md, "A whole session"): blink recall unchanged (48 of 49 labelled, no
     * false one), a 12-s session's upload 1.84 MB instead of 2.70.
     */
    public static final int MAX_SIDE = 480;
    /** Enough for the landmarks, small enough for the upload. */
    static final int JPEG_QUALITY = 70;

    /** A recorded frame as decoded for analysis, and the scale from the camera frame to it. */
    public record Recorded(Mat image, double scale) implements AutoCloseable {
        @Override
        public void close() {
            image.close();
        }
    }

    private final List<JpegFrames.Encoded> frames = new ArrayList<>();
    private long bytes;

    /** Records the camera frame; returns what was recorded, decoded, for the caller to analyse and close. */
    public Recorded add(Mat frame, long timestampMs) {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(frame.cols(), frame.rows()));
        byte[] jpeg;
        if (scale < 1) {
            try (Mat small = new Mat(); Size size = new Size((int) Math.round(frame.cols() * scale),
                    (int) Math.round(frame.rows() * scale))) {
                resize(frame, small, size, 0, 0, INTER_AREA);
                jpeg = encode(small);
            }
        } else {
            jpeg = encode(frame);
        }
        frames.add(new JpegFrames.Encoded(timestampMs, jpeg));
        bytes += jpeg.length;
        return new Recorded(JpegFrames.decode(jpeg), scale);
    }

    private static byte[] encode(Mat image) {
        try (BytePointer out = new BytePointer(); IntPointer quality = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
            imencode(".jpg", image, out, quality);
            byte[] jpeg = new byte[(int) out.limit()];
            out.get(jpeg);
            return jpeg;
        }
    }

    public List<JpegFrames.Encoded> frames() {
        return List.copyOf(frames);
    }

    /** The recording's size in bytes, JPEG only. */
    public long bytes() {
        return bytes;
    }
}
