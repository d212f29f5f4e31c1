package org.livenesskiosk.bench;

import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.vision.Letterbox;

/**
 * A source's frames scaled and padded into a camera's frame size, as the pipeline bench times them:
 * a clip played as the camera a kiosk has (a 400×300 clip as a 640×480 webcam).
 */
final class FittedFrames implements FrameSource {

    private final FrameSource source;
    private final int width;
    private final int height;

    FittedFrames(FrameSource source, int width, int height) {
        this.source = source;
        this.width = width;
        this.height = height;
    }

    @Override
    public Optional<Frame> next() {
        Optional<Frame> next = source.next();
        if (next.isEmpty()) {
            return next;
        }
        try (Frame frame = next.get()) {
            Mat fitted = new Mat();
            Letterbox.fit(frame.image(), width, height, fitted);
            return Optional.of(new Frame(fitted, frame.index(), frame.timestampMs()));
        }
    }

    @Override
    public int corruptFrames() {
        return source.corruptFrames();
    }

    @Override
    public double framesPerSecond() {
        return source.framesPerSecond();
    }

    @Override
    public void close() {
        source.close();
    }
}
