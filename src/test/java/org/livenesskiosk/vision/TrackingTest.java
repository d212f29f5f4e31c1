package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.testdata.SharedData;

/** Following faces over time: a second person walking in is noticed, one leaving is let go. */
class TrackingTest {

    private static final long FRAME_MS = 40;

    private Mat bothPeople;
    private Mat leftPersonOnly;
    private FrameAnalyzer analyzer;

    @BeforeEach
    void setUp() {
        bothPeople = imread(SharedData.image("whitehouse_two_people.jpg").toString(), IMREAD_COLOR);
        leftPersonOnly = bothPeople.clone();
        // Hide the man on the right (his face is near x = 790 in this 1126-pixel-wide picture).
        new Mat(leftPersonOnly, new Rect(600, 0, leftPersonOnly.cols() - 600, leftPersonOnly.rows()))
                .put(new Scalar(90, 90, 90, 0));
        analyzer = new FrameAnalyzer(Models.fromClasspath());
    }

    @AfterEach
    void tearDown() {
        // Absent when the shared images are missing and the test was skipped.
        if (bothPeople != null) {
            bothPeople.close();
        }
        if (leftPersonOnly != null) {
            leftPersonOnly.close();
        }
    }

    /** A second face noticed: how long after it came into view, the customer's track, and the frame it was noticed in. */
    private record Noticed(long afterMs, int firstPerson, FrameAnalysis analysis) {
    }

    /** The customer alone for a second, then {@code withSecondFace} frame after frame until a second face is noticed. */
    private Noticed secondFaceNoticed(Mat withSecondFace) {
        int frame = 0;
        FrameAnalysis analysis = null;
        for (; frame < 25; frame++) {
            analysis = analyzer.analyze(leftPersonOnly, frame, frame * FRAME_MS);
            assertEquals(1, analysis.faceCount(), "frame " + frame);
        }
        int firstPerson = analysis.mainFace().orElseThrow().trackId();
        long cameInMs = frame * FRAME_MS;
        for (; frame < 75; frame++) {
            analysis = analyzer.analyze(withSecondFace, frame, frame * FRAME_MS);
            if (analysis.faceCount() == 2) {
                return new Noticed(frame * FRAME_MS - cameInMs, firstPerson, analysis);
            }
        }
        return fail("the second face was not noticed within two seconds");
    }

    @Test
    void noticesASecondPersonWithinTheDetectionIntervalAndTheResultsDelay() {
        Noticed noticed = secondFaceNoticed(bothPeople);

        // The regular detection's result lands RESULT_DELAY_MS after its frame, at the next frame.
        assertTrue(noticed.afterMs() <= FaceTracker.DETECTION_INTERVAL_MS + FaceTracker.RESULT_DELAY_MS + FRAME_MS,
                "noticed after " + noticed.afterMs() + " ms");
        assertTrue(noticed.analysis().faces().stream().anyMatch(face -> face.trackId() == noticed.firstPerson()),
                "the first person is still the same face");
    }

    /**
     * Someone far back in the branch, a face too small for the short-range detector, is the
     * full-range detector's, which runs at every other regular detection only.
     */
    @Test
    void noticesSomeoneFarBackWithinTheFullRangeDetectorsInterval() {
        try (Mat farBack = leftPersonOnly.clone(); Mat rightPerson = new Mat(bothPeople, new Rect(730, 40, 260, 280));
                Mat small = new Mat()) {
            // The man on the right at 0.6 of his size, standing further back on the grey half.
            resize(rightPerson, small, new Size(156, 168), 0, 0, INTER_AREA);
            small.copyTo(new Mat(farBack, new Rect(800, 200, small.cols(), small.rows())));
            assertEquals(1, new BlazeFaceDetector(DetectorModel.SHORT_RANGE, Models.fromClasspath()).detect(farBack).size(),
                    "the short-range detector sees only the customer");

            long afterMs = secondFaceNoticed(farBack).afterMs();
            assertTrue(afterMs <= FaceTracker.FAR_DETECTION_INTERVAL_MS + FaceTracker.RESULT_DELAY_MS + FRAME_MS,
                    "noticed after " + afterMs + " ms");
        }
    }

    /**
     * The kiosk analyses a camera's frames as they come; the service re-runs the recording as fast as
     * it can. The regular detection's result must land on the same frame in both, or the faces
     * followed (and so the verdicts) would differ: back to back, the frame it lands on waits for it.
     */
    @Test
    void followsTheSameFacesHoweverFastTheFramesCome() throws InterruptedException {
        List<List<Object>> asFastAsItCan = seen(analyzer, 0);
        List<List<Object>> asACameraGivesThem = seen(new FrameAnalyzer(Models.fromClasspath()), 30);

        assertEquals(asFastAsItCan, asACameraGivesThem);
        assertTrue(asFastAsItCan.stream().anyMatch(frame -> frame.get(0).equals(2)), "the second person is noticed");
    }

    /** Each frame's face count, faces (track ids and boxes) and faces only the detector saw, over a second person walking in. */
    private List<List<Object>> seen(FrameAnalyzer frameAnalyzer, long pauseMs) throws InterruptedException {
        List<List<Object>> frames = new ArrayList<>();
        for (int frame = 0; frame < 30; frame++) {
            FrameAnalysis analysis = frameAnalyzer.analyze(frame < 10 ? leftPersonOnly : bothPeople, frame, frame * FRAME_MS);
            List<Object> faces = new ArrayList<>(List.of(analysis.faceCount()));
            analysis.faces().forEach(face -> faces.add(face.trackId() + " " + face.metrics().box()));
            faces.add(analysis.otherFaces());
            frames.add(faces);
            Thread.sleep(pauseMs);
        }
        return frames;
    }

    @Test
    void letsGoOfAPersonWhoLeaves() {
        for (int frame = 0; frame < 10; frame++) {
            assertEquals(2, analyzer.analyze(bothPeople, frame, frame * FRAME_MS).faceCount());
        }
        FrameAnalysis afterLeaving = analyzer.analyze(leftPersonOnly, 10, 10 * FRAME_MS);

        assertEquals(1, afterLeaving.faceCount());
        assertTrue(afterLeaving.mainFace().orElseThrow().metrics().box().centerX() < 600);
    }
}
