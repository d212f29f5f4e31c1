package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.livenesskiosk.testdata.SharedData;

/** Frames of every shape a camera or a file can deliver are measured, never a crash. */
class OddFramesTest {

    private static FrameAnalyzer analyzer;
    private static Mat portrait;

    @BeforeAll
    static void load() {
        analyzer = new FrameAnalyzer(Models.fromClasspath());
        portrait = imread(SharedData.image("skimage_astronaut_eileen_collins.png").toString(), IMREAD_COLOR);
    }

    @AfterAll
    static void release() {
        if (portrait != null) {
            portrait.close();
        }
    }

    private static int faces(Mat frame) {
        analyzer.reset();
        try (frame) {
            return analyzer.analyze(frame, 0, 0).faceCount();
        }
    }

    @Test
    void findsTheFaceInAGreyFrame() {
        Mat grey = new Mat();
        cvtColor(portrait, grey, COLOR_BGR2GRAY);
        assertEquals(1, faces(grey));
    }

    @Test
    void findsTheFaceInAFrameWithAlpha() {
        Mat withAlpha = new Mat();
        cvtColor(portrait, withAlpha, COLOR_BGR2BGRA);
        assertEquals(1, faces(withAlpha));
    }

    @Test
    void findsTheFaceInAHugeFrame() {
        Mat huge = new Mat();
        resize(portrait, huge, new Size(4096, 4096), 0, 0, INTER_CUBIC);
        assertEquals(1, faces(huge));
    }

    @Test
    void findsTheFaceInAnOddlySizedCrop() {
        assertEquals(1, faces(new Mat(portrait, new Rect(101, 7, 333, 317)).clone()));
    }

    @ParameterizedTest(name = "{0}x{1} with {2} channels")
    @CsvSource({"1, 1, 3", "2, 3, 3", "7, 1, 1", "1, 640, 3", "640, 1, 1", "17, 13, 3"})
    void measuresTinyAndDegenerateFramesAsFaceless(int width, int height, int channels) {
        Mat tiny = new Mat(height, width, channels == 1 ? CV_8UC1 : CV_8UC3, new Scalar(128, 128, 128, 0));
        assertEquals(0, faces(tiny));
    }

    @Test
    void measuresABlackFrameAsFaceless() {
        assertEquals(0, faces(new Mat(480, 640, CV_8UC3, new Scalar(0, 0, 0, 0))));
    }
}
