package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The best image never has a black band: a face near any edge of the frame, or larger than the
 * frame allows a margin for, still gives a square image of the frame's own pixels.
 */
class FaceCropTest {

    private static final int GREY = 128;

    @ParameterizedTest(name = "face at {0},{1} size {2}")
    @CsvSource({"320, 240, 100", "600, 440, 120", "20, 20, 120", "620, 20, 80", "320, 400, 300", "320, 240, 470"})
    void theSquareStaysWithinTheFrame(double centerX, double centerY, double side) {
        try (Mat frame = new Mat(480, 640, CV_8UC3, new Scalar(GREY, GREY, GREY, 0))) {
            byte[] jpeg = FaceCrop.jpeg(frame, new Box(centerX - side / 2, centerY - side / 2, side, side), 600);
            try (Mat image = imdecode(new Mat(new BytePointer(jpeg)), IMREAD_COLOR); UByteIndexer pixels = image.createIndexer()) {
                assertEquals(600, image.cols());
                assertEquals(600, image.rows());
                for (int y = 0; y < 600; y += 7) {
                    for (int x = 0; x < 600; x += 7) {
                        assertTrue(Math.abs(pixels.get(y, x, 1) - GREY) < 8, "pixel " + x + "," + y + " is " + pixels.get(y, x, 1));
                    }
                }
            }
        }
    }
}
