package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;

import java.nio.file.Path;
import java.util.Optional;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A clip as phones and webcams record it (MP4 with H.264, MOV, WebM, Matroska), decoded by FFmpeg.
 * Their frame rate may vary, so each frame keeps the clip's own timestamp, counted from the first
 * frame; a phone's portrait clip, stored sideways with a rotation to show it by, is turned upright.
 */
final class FfmpegClipFrameSource implements FrameSource {

    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final double framesPerSecond;
    private final Upright upright;
    private long firstMicros = -1;
    private int index;
    private int corruptFrames;

    FfmpegClipFrameSource(Path clip) throws CaptureException {
        // FFmpeg describes every file it opens on standard error: its errors are what an operator needs.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        grabber = new FFmpegFrameGrabber(clip.toFile());
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            close();
            throw new CaptureException("Cannot read " + clip + " as a video: " + e.getMessage());
        }
        if (grabber.getImageWidth() <= 0) {
            close();
            throw new CaptureException(clip + " holds no video");
        }
        double fps = grabber.getFrameRate();
        framesPerSecond = fps > 0 && fps < 1000 ? fps : 25;
        upright = Upright.of(grabber.getDisplayRotation());
    }

    @Override
    public Optional<Frame> next() {
        while (true) {
            org.bytedeco.javacv.Frame decoded;
            try {
                decoded = grabber.grabImage();
            } catch (FrameGrabber.Exception e) {
                // A frame that does not decode must not end the clip: step over it.
                corruptFrames++;
                continue;
            }
            if (decoded == null) {
                return Optional.empty();
            }
            Mat shared = converter.convert(decoded);
            if (shared == null || shared.empty()) {
                corruptFrames++;
                continue;
            }
            // The grabber reuses its buffer for the next frame: the frame handed on is a copy of its own.
            Mat image = upright.applied(shared);
            if (firstMicros < 0) {
                firstMicros = decoded.timestamp;
            }
            return Optional.of(new Frame(image, index++, (decoded.timestamp - firstMicros) / 1000));
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
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // Closing a clip read to its end or never opened has nothing left to say.
        }
    }

    /** The turn that shows a frame as the clip's display rotation says (FFmpeg's angle, counter-clockwise). */
    private record Upright(Optional<Integer> code) {

        static Upright of(double displayRotation) {
            int clockwise = Math.floorMod((int) Math.round(-displayRotation), 360);
            return new Upright(switch (clockwise) {
                case 90 -> Optional.of(ROTATE_90_CLOCKWISE);
                case 180 -> Optional.of(ROTATE_180);
                case 270 -> Optional.of(ROTATE_90_COUNTERCLOCKWISE);
                default -> Optional.empty();
            });
        }

        Mat applied(Mat frame) {
            Mat turned = new Mat();
            if (code.isPresent()) {
                rotate(frame, turned, code.get());
            } else {
                frame.copyTo(turned);
            }
            return turned;
        }
    }
}
