package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_OPENCV_MJPEG;

import java.nio.file.Path;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_videoio.VideoWriter;

/**
 * Records a session's frames to an MJPEG {@code .avi}, which {@code detect} replays exactly as it
 * happened. The recording holds faces: it is written only where the operator asked, and without
 * a file this records nothing.
 */
public final class ClipRecorder implements AutoCloseable {

    private final Optional<Path> file;
    private final double framesPerSecond;
    private VideoWriter writer;

    public ClipRecorder(Optional<Path> file, double framesPerSecond) {
        this.file = file;
        this.framesPerSecond = framesPerSecond;
    }

    /** Appends a frame; the first frame fixes the clip's size. */
    public void record(Mat frame) throws CaptureException {
        if (file.isEmpty()) {
            return;
        }
        if (writer == null) {
            writer = new VideoWriter(file.get().toString(), CAP_OPENCV_MJPEG,
                    VideoWriter.fourcc((byte) 'M', (byte) 'J', (byte) 'P', (byte) 'G'), framesPerSecond,
                    new Size(frame.cols(), frame.rows()), frame.channels() != 1);
            if (!writer.isOpened()) {
                throw new CaptureException("Cannot record to " + file.get() + " (is the folder there and writable?)");
            }
        }
        writer.write(frame);
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.release();
            writer.close();
        }
    }
}
