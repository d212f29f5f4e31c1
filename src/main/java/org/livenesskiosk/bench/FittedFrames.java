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
    private final String frameSize;

    /** @param frameSize {@code WxH}, as {@code bench --frame-size} takes it */
    FittedFrames(FrameSource source, String frameSize) {
        this.source = source;
        this.frameSize = frameSize;
    }

    /** The image scaled and padded into {@code WxH}; the image itself is released. */
    static Mat fitted(Mat image, String frameSize) {
        String[] parts = frameSize.toLowerCase().split("x");
        Mat fitted = new Mat();
        Letterbox.fit(image, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), fitted);
        image.close();
        return fitted;
    }

    @Override
    public Optional<Frame> next() {
        Optional<Frame> next = source.next();
        if (next.isEmpty()) {
            return next;
        }
        Frame frame = next.get();
        return Optional.of(new Frame(fitted(frame.image(), frameSize), frame.index(), frame.timestampMs()));
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
