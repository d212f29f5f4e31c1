package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A session's recording as a source: JPEG frames with their own timestamps, decoded one at a time.
 * A frame that does not decode is skipped and counted, like a corrupt frame of a clip.
 */
public final class JpegFrames implements FrameSource {

    /** One recorded frame: when, in the session's time, and its JPEG bytes. */
    public record Encoded(long timestampMs, byte[] jpeg) {
    }

    private final List<Encoded> frames;
    private int position;
    private int corruptFrames;

    public JpegFrames(List<Encoded> frames) {
        this.frames = List.copyOf(frames);
    }

    /** The image in {@code jpeg}, or an empty Mat when it is not one. */
    public static Mat decode(byte[] jpeg) {
        try (BytePointer bytes = new BytePointer(jpeg); Mat buffer = new Mat(1, jpeg.length, CV_8U, bytes)) {
            return imdecode(buffer, IMREAD_COLOR);
        }
    }

    @Override
    public Optional<Frame> next() {
        while (position < frames.size()) {
            int index = position++;
            Mat image = decode(frames.get(index).jpeg());
            if (!image.empty()) {
                return Optional.of(new Frame(image, index, frames.get(index).timestampMs()));
            }
            image.close();
            corruptFrames++;
        }
        return Optional.empty();
    }

    @Override
    public int corruptFrames() {
        return corruptFrames;
    }

    /** The recording's average rate, from its first and last timestamps. */
    @Override
    public double framesPerSecond() {
        if (frames.size() < 2) {
            return 1;
        }
        long spanMs = frames.get(frames.size() - 1).timestampMs() - frames.get(0).timestampMs();
        return spanMs <= 0 ? 1 : (frames.size() - 1) * 1000.0 / spanMs;
    }

    @Override
    public void close() {
        // Each frame is decoded on demand; nothing stays open.
    }
}
