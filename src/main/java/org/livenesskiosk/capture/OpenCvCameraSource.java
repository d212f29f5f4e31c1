package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_ANY;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FOURCC;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FPS;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FRAME_HEIGHT;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FRAME_WIDTH;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;
import org.bytedeco.opencv.opencv_videoio.VideoWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera through OpenCV's own capture (V4L2 on Linux, Media Foundation on Windows, AVFoundation
 * on macOS). Asks for MJPG at the requested size and rate, and reports what the camera gives.
 * Reading blocks until the camera delivers: wrap it in a {@link LatestFrameSource}.
 */
public final class OpenCvCameraSource implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCvCameraSource.class);
    private static final int MAX_INDEX = 10;

    private final VideoCapture capture;
    private final int index;
    private final long openedNanos = System.nanoTime();
    private final double framesPerSecond;
    private final ExposureHold exposure;
    /** What the session last asked of the exposure, applied by the thread that reads the camera (VideoCapture is not thread-safe). */
    private volatile boolean exposureHeld;
    private int position;

    private OpenCvCameraSource(VideoCapture capture, int index) {
        this.capture = capture;
        this.index = index;
        this.exposure = new ExposureHold(new ExposureHold.Controls() {
            @Override
            public double get(int property) {
                return capture.get(property);
            }

            @Override
            public boolean set(int property, double value) {
                return capture.set(property, value);
            }
        });
        double fps = capture.get(CAP_PROP_FPS);
        this.framesPerSecond = fps > 0 ? fps : 30;
    }

    static OpenCvCameraSource open(int index, CaptureSettings settings) throws CaptureException {
        String name = nameOf(index);
        if (settings.refuseVirtualCameras() && VirtualCameras.isVirtual(name)) {
            throw new CaptureException("Refused camera " + index + " (\"" + name + "\"): it is a virtual camera");
        }
        VideoCapture capture = new VideoCapture(index, CAP_ANY);
        if (!capture.isOpened()) {
            capture.close();
            throw new CaptureException("Camera " + index + " cannot be opened: it is not attached, or another program is using it");
        }
        capture.set(CAP_PROP_FOURCC, VideoWriter.fourcc((byte) 'M', (byte) 'J', (byte) 'P', (byte) 'G'));
        capture.set(CAP_PROP_FRAME_WIDTH, settings.width());
        capture.set(CAP_PROP_FRAME_HEIGHT, settings.height());
        capture.set(CAP_PROP_FPS, settings.cameraFramesPerSecond());
        LOG.info("Camera {} (\"{}\") gives {}x{} at {} fps (asked {}x{} at {})", index, name,
                (int) capture.get(CAP_PROP_FRAME_WIDTH), (int) capture.get(CAP_PROP_FRAME_HEIGHT), capture.get(CAP_PROP_FPS),
                settings.width(), settings.height(), settings.cameraFramesPerSecond());
        return new OpenCvCameraSource(capture, index);
    }

    /** The cameras OpenCV can open, with the resolutions each accepts of the common ones. */
    static List<CameraInfo> list() {
        List<CameraInfo> cameras = new ArrayList<>();
        for (int index = 0; index < MAX_INDEX; index++) {
            if (!deviceMayExist(index)) {
                continue;
            }
            VideoCapture capture = new VideoCapture(index, CAP_ANY);
            try {
                if (capture.isOpened()) {
                    cameras.add(new CameraInfo("camera:" + index, nameOf(index), resolutionsOf(capture)));
                }
            } finally {
                capture.release();
                capture.close();
            }
        }
        return cameras;
    }

    private static List<String> resolutionsOf(VideoCapture capture) {
        List<String> offered = new ArrayList<>();
        for (int[] size : new int[][] {{640, 480}, {1280, 720}, {1920, 1080}}) {
            capture.set(CAP_PROP_FRAME_WIDTH, size[0]);
            capture.set(CAP_PROP_FRAME_HEIGHT, size[1]);
            String actual = (int) capture.get(CAP_PROP_FRAME_WIDTH) + "x" + (int) capture.get(CAP_PROP_FRAME_HEIGHT);
            if (!offered.contains(actual)) {
                offered.add(actual);
            }
        }
        return offered;
    }

    /** On Linux a camera is a /dev/videoN; elsewhere every index is worth a try. */
    private static boolean deviceMayExist(int index) {
        return !Files.isDirectory(Path.of("/dev")) || Files.exists(Path.of("/dev/video" + index))
                || !System.getProperty("os.name").toLowerCase().contains("linux");
    }

    /** The device's own name where the system tells it (Linux), else a generic one. */
    private static String nameOf(int index) {
        Path name = Path.of("/sys/class/video4linux/video" + index + "/name");
        try {
            return Files.isReadable(name) ? Files.readString(name).strip() : "camera " + index;
        } catch (IOException e) {
            return "camera " + index;
        }
    }

    @Override
    public Optional<Frame> next() {
        if (exposureHeld) {
            exposure.hold();
        } else {
            exposure.release();
        }
        Mat image = new Mat();
        if (!capture.read(image) || image.empty()) {
            image.close();
            throw new DeviceLostException("Camera " + index + " stopped delivering frames (unplugged, or its driver failed)");
        }
        return Optional.of(new Frame(image, position++, (System.nanoTime() - openedNanos) / 1_000_000));
    }

    @Override
    public int corruptFrames() {
        return 0;
    }

    @Override
    public void holdExposure(boolean hold) {
        exposureHeld = hold;
    }

    @Override
    public double framesPerSecond() {
        return framesPerSecond;
    }

    /** Called once the reading thread has stopped: the camera's own exposure goes back before it is let go (V4L2 keeps it). */
    @Override
    public void close() {
        exposure.release();
        capture.release();
        capture.close();
    }
}
