package org.livenesskiosk.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Opens the right kind of source for a path: a clip, a folder of frames, or one image. */
public final class FrameSources {

    private static final String CAMERA = "camera:";
    private static final String WEBCAM = "webcam:";
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff");

    private FrameSources() {
    }

    /**
     * Opens a source named as on the command line: {@code camera:N} (OpenCV), {@code webcam:NAME}
     * (webcam-capture), or the path of a clip, a folder of frames or an image. A camera is read on
     * its own thread and hands over only its newest frame; a recording is read frame by frame.
     */
    public static FrameSource open(String spec, CaptureSettings settings) throws CaptureException {
        if (spec.startsWith(CAMERA)) {
            String index = spec.substring(CAMERA.length());
            if (!index.matches("\\d{1,2}")) {
                throw new CaptureException("A camera is named camera:N with N its number, not " + spec);
            }
            return new LatestFrameSource(OpenCvCameraSource.open(Integer.parseInt(index), settings), spec);
        }
        if (spec.startsWith(WEBCAM)) {
            return new LatestFrameSource(WebcamCaptureSource.open(spec.substring(WEBCAM.length()), settings), spec);
        }
        return open(Path.of(spec), settings.folderFramesPerSecond());
    }

    /** Whether a source named as on the command line is a camera ({@code camera:N}, {@code webcam:NAME}) rather than a recording. */
    public static boolean isCamera(String spec) {
        return spec.startsWith(CAMERA) || spec.startsWith(WEBCAM);
    }

    /** Every camera each driver sees; a driver that fails is reported as such rather than hiding the others. */
    public static List<String> describeCameras() {
        List<String> lines = new ArrayList<>();
        OpenCvCameraSource.list().forEach(camera -> lines.add(describe(camera)));
        try {
            WebcamCaptureSource.list().forEach(camera -> lines.add(describe(camera)));
        } catch (CaptureException e) {
            lines.add("webcam driver: " + e.getMessage());
        }
        return lines;
    }

    /** Every camera the drivers see; a driver that cannot start contributes none. */
    public static List<CameraInfo> cameras() {
        List<CameraInfo> cameras = new ArrayList<>(OpenCvCameraSource.list());
        try {
            cameras.addAll(WebcamCaptureSource.list());
        } catch (CaptureException e) {
            // describeCameras() says why, for the `cameras` command; the console just lists what works.
        }
        return cameras;
    }

    private static String describe(CameraInfo camera) {
        return camera.source() + "  \"" + camera.name() + "\"  " + String.join(" ", camera.resolutions())
                + (camera.isVirtual() ? "  (virtual)" : "");
    }

    /**
     * @param folderFramesPerSecond the frame rate given to a folder of frames (clips carry their own)
     */
    public static FrameSource open(Path path, double folderFramesPerSecond) throws CaptureException {
        if (!Files.exists(path)) {
            throw new CaptureException("No such file or folder: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new CaptureException("Cannot read " + path + ": permission denied");
        }
        if (Files.isDirectory(path)) {
            List<Path> frames = imagesIn(path);
            if (frames.isEmpty()) {
                throw new CaptureException("The folder " + path + " holds no JPEG or PNG frames");
            }
            return new ImageFolderSource(frames, folderFramesPerSecond);
        }
        if (isImage(path)) {
            return new ImageFolderSource(List.of(path), folderFramesPerSecond);
        }
        // OpenCV reads MJPEG .avi itself, as the kiosk records them; FFmpeg reads what phones and webcams record.
        return extension(path).equals("avi") ? new ClipFrameSource(path) : new FfmpegClipFrameSource(path);
    }

    private static List<Path> imagesIn(Path folder) throws CaptureException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(FrameSources::isImage).sorted().toList();
        } catch (IOException e) {
            throw new CaptureException("Cannot list the folder " + folder + ": " + e.getMessage());
        }
    }

    private static boolean isImage(Path path) {
        return IMAGE_EXTENSIONS.contains(extension(path));
    }

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
