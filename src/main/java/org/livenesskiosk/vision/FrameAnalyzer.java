package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Measures every face in a frame: detection, tracking, landmarks and metrics, in one call per
 * frame on the analysis thread. Frames of one source must come in order; call {@link #reset()}
 * before frames that do not continue the previous ones.
 *
 * <p>Two side threads of its own take the work no frame needs to wait for (see {@link SideThread}):
 * what it answers for a frame depends on the frames alone, never on how fast they come.
 */
public final class FrameAnalyzer {

    static {
        // OpenCV's calls each on the calling thread alone, as TensorFlow Lite's (TfLiteRuntime): every
        // caller already keeps the cores busy with analyses side by side (the kiosk's analysis thread
        // and its side threads, the service's checks), so OpenCV's own pool only adds its waking and
        // spinning (about 3 % of the service's CPU a session; docs/measurements.md, "A whole session").
        setNumThreads(1);
    }

    private final FaceTracker tracker;
    private final HeadPoseFit headPoseFit;
    private final TextureScorer textureScorer;

    public FrameAnalyzer(Models models) {
        this.tracker = new FaceTracker(
                new BlazeFaceDetector(DetectorModel.SHORT_RANGE, models),
                new BlazeFaceDetector(DetectorModel.FULL_RANGE, models),
                new FaceMeshLandmarker(models),
                new SideThread("detection"));
        this.headPoseFit = HeadPoseFit.load(models);
        this.textureScorer = new TextureScorer(models, new SideThread("texture"));
    }

    /**
     * The engine MediaPipe's networks run on here (see {@link MediaPipeNetwork}): a speed figure
     * means little without it.
     */
    public static String mediaPipeEngine() {
        return TfLiteRuntime.available() ? "TensorFlow Lite XNNPACK" : "OpenCV DNN";
    }

    /**
     * Analyses one frame (grey, BGR or BGRA). Every native buffer made on the way is released
     * before this returns; the frame itself stays the caller's.
     */
    public FrameAnalysis analyze(Mat frame, int index, long timestampMs) {
        try (PointerScope scope = new PointerScope()) {
            Mat bgr = toBgr(frame);
            FaceTracker.Tracking tracking = tracker.track(bgr, timestampMs);
            List<FaceObservation> faces = new ArrayList<>();
            for (FaceTracker.TrackedFace face : tracking.followed()) {
                faces.add(new FaceObservation(face.trackId(), face.landmarks(), metrics(bgr, face)));
            }
            return new FrameAnalysis(index, timestampMs, frame.cols(), frame.rows(), faces, tracking.unfollowed(),
                    Optional.empty());
        }
    }

    /**
     * The analysis of this frame with its main face's texture score (about 5 ms of a side thread,
     * which this does not wait for): for the frames the liveness rules pick, never for every frame.
     *
     * @param frame    the frame that was analysed
     * @param analysis its analysis, with a main face
     */
    public FrameAnalysis withTexture(Mat frame, FrameAnalysis analysis) {
        FaceObservation face = analysis.mainFace().orElseThrow(() -> new IllegalArgumentException("no face to score"));
        try (PointerScope scope = new PointerScope()) {
            return analysis.withTexture(textureScorer.scoreLater(toBgr(frame), face.metrics().box()));
        }
    }

    /** Forgets the faces followed so far. */
    public void reset() {
        tracker.reset();
    }

    private static Mat toBgr(Mat frame) {
        return switch (frame.channels()) {
            case 3 -> frame;
            case 1 -> convert(frame, COLOR_GRAY2BGR);
            case 4 -> convert(frame, COLOR_BGRA2BGR);
            default -> throw new IllegalArgumentException("Frames must have 1, 3 or 4 channels, not " + frame.channels());
        };
    }

    private static Mat convert(Mat frame, int code) {
        Mat converted = new Mat();
        cvtColor(frame, converted, code);
        return converted;
    }

    private FaceMetrics metrics(Mat bgr, FaceTracker.TrackedFace face) {
        FaceLandmarks landmarks = face.landmarks();
        Box box = face.box();
        double motion = face.previousBox() == null || box.width() <= 0 ? 0
                : Math.hypot(box.centerX() - face.previousBox().centerX(), box.centerY() - face.previousBox().centerY())
                        / box.width();
        return new FaceMetrics(
                FaceGeometry.rightEyeAspectRatio(landmarks),
                FaceGeometry.leftEyeAspectRatio(landmarks),
                FaceGeometry.mouthOpening(landmarks),
                headPoseFit.of(landmarks),
                box,
                box.width() / bgr.cols(),
                box.centerX() / bgr.cols() - 0.5,
                box.centerY() / bgr.rows() - 0.5,
                FaceExposureMeter.measure(bgr, box),
                motion,
                landmarks.presence());
    }
}
