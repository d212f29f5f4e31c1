package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FPS;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FRAME_COUNT;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_POS_FRAMES;

import java.nio.file.Path;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

/**
 * A recorded clip (MJPEG {@code .avi}, which OpenCV decodes without FFmpeg). Timestamps follow
 * from the frame index and the clip's frame rate, so a clip reads the same at any speed.
 */
public final class ClipFrameSource implements FrameSource {

    private final VideoCapture capture;
    private final double framesPerSecond;
    private final int frameCount;
    private int position;
    private int corruptFrames;

    ClipFrameSource(Path clip) throws CaptureException {
        capture = new VideoCapture(clip.toString());
        if (!capture.isOpened()) {
            capture.close();
            throw new CaptureException("Cannot read " + clip + " as a video (clips are MJPEG .avi, MP4, MOV or WebM files)");
        }
        double fps = capture.get(CAP_PROP_FPS);
        framesPerSecond = fps > 0 && fps < 1000 ? fps : 25;
        frameCount = (int) capture.get(CAP_PROP_FRAME_COUNT);
    }

    @Override
    public Optional<Frame> next() {
        while (true) {
            Mat image = new Mat();
            int index = position;
            boolean decoded = capture.read(image) && !image.empty();
            position++;
            if (decoded) {
                return Optional.of(new Frame(image, index, Math.round(index * 1000 / framesPerSecond)));
            }
            image.close();
            if (index >= frameCount - 1) {
                return Optional.empty();
            }
            // A frame that does not decode must not end the clip: step over it.
            corruptFrames++;
            capture.set(CAP_PROP_POS_FRAMES, position);
        }
    }

    @Override
    public int corruptFrames() {
        return corruptFrames;
    }

    @Override
    public double framesPerSecond() {
        return framesPerSecond;
    }

    @Override
    public void close() {
        capture.release();
        capture.close();
    }
}
