package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import com.github.sarxos.webcam.Webcam;

/**
 * A camera through the webcam-capture (sarxos) driver, the kiosk's second way to a camera when
 * OpenCV's does not see it. On Linux its native part needs Debian's {@code libv4l-0}. Reading
 * blocks until the camera delivers: wrap it in a {@link LatestFrameSource}. Its API has no exposure
 * or white-balance controls, so the light step cannot hold them ({@link #holdExposure} is ignored).
 */
public final class WebcamCaptureSource implements FrameSource {

    /** How long the driver may look for cameras before we say there are none. */
    private static final long DISCOVERY_TIMEOUT_MS = 1_500;

    private final Webcam webcam;
    private final long openedNanos = System.nanoTime();
    private int position;

    private WebcamCaptureSource(Webcam webcam) {
        this.webcam = webcam;
    }

    static WebcamCaptureSource open(String name, CaptureSettings settings) throws CaptureException {
        if (settings.refuseVirtualCameras() && VirtualCameras.isVirtual(name)) {
            throw new CaptureException("Refused webcam \"" + name + "\": it is a virtual camera");
        }
        List<Webcam> webcams = discover();
        Webcam webcam = webcams.stream().filter(candidate -> candidate.getName().equals(name)).findFirst()
                .orElseThrow(() -> new CaptureException("No webcam is named \"" + name + "\"; the webcam driver sees "
                        + (webcams.isEmpty() ? "none" : webcams.stream().map(Webcam::getName).toList())));
        Dimension wanted = new Dimension(settings.width(), settings.height());
        if (Arrays.asList(webcam.getViewSizes()).contains(wanted)) {
            webcam.setViewSize(wanted);
        }
        try {
            if (!webcam.open()) {
                throw new CaptureException("The webcam \"" + name + "\" cannot be opened: another program may be using it");
            }
        } catch (RuntimeException e) {
            throw new CaptureException("The webcam \"" + name + "\" cannot be opened: " + e.getMessage());
        }
        return new WebcamCaptureSource(webcam);
    }

    /** The cameras the driver sees, with their resolutions. */
    static List<CameraInfo> list() throws CaptureException {
        List<CameraInfo> cameras = new ArrayList<>();
        for (Webcam webcam : discover()) {
            List<String> sizes = Arrays.stream(webcam.getViewSizes()).map(size -> size.width + "x" + size.height).toList();
            cameras.add(new CameraInfo("webcam:" + webcam.getName(), webcam.getName(), sizes));
        }
        return cameras;
    }

    private static List<Webcam> discover() throws CaptureException {
        try {
            return Webcam.getWebcams(DISCOVERY_TIMEOUT_MS);
        } catch (Exception | LinkageError e) {
            throw new CaptureException("The webcam driver failed to start (on Linux it needs the package libv4l-0): "
                    + rootCause(e).getMessage());
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public Optional<Frame> next() {
        BufferedImage image = webcam.isOpen() ? webcam.getImage() : null;
        if (image == null) {
            throw new DeviceLostException("The webcam \"" + webcam.getName() + "\" stopped delivering frames (unplugged?)");
        }
        return Optional.of(new Frame(toBgr(image), position++, (System.nanoTime() - openedNanos) / 1_000_000));
    }

    /** The driver gives RGB images; the pipeline works in BGR. */
    private static Mat toBgr(BufferedImage image) {
        BufferedImage bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(image, 0, 0, null);
        }
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CV_8UC3);
        try (BytePointer data = new BytePointer(mat.data())) {
            data.put(pixels);
        }
        return mat;
    }

    @Override
    public int corruptFrames() {
        return 0;
    }

    @Override
    public double framesPerSecond() {
        return webcam.getFPS() > 0 ? webcam.getFPS() : 30;
    }

    @Override
    public void close() {
        webcam.close();
    }
}
