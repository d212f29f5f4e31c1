package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_PROGRESSIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.testdata.CraftedJpegs;

/**
 * A recorded frame's JPEG comes from a kiosk the service does not trust: only what the kiosk writes
 * is decoded — sequential, one scan or a few, no larger than a full-HD camera frame.
 */
class JpegFramesTest {

    private static void assertDecodedAs(int width, int height, byte[] jpeg) {
        try (Mat image = JpegFrames.decode(jpeg)) {
            assertEquals(width, image.cols());
            assertEquals(height, image.rows());
        }
    }

    private static void assertNotDecoded(byte[] jpeg) {
        try (Mat image = JpegFrames.decode(jpeg)) {
            assertTrue(image.empty(), "decoded " + image.cols() + "x" + image.rows());
        }
    }

    @Test
    void aFullHdFrameDecodesAndOneRowMoreDoesNot() {
        assertDecodedAs(1920, 1080, CraftedJpegs.plain(1920, 1080));
        assertNotDecoded(CraftedJpegs.plain(1920, 1081));
    }

    @Test
    void aFewHundredBytesDeclaringTwentyThousandPixelsASideAreNotDecoded() {
        byte[] bomb = CraftedJpegs.declaring(20_000, 20_000);

        assertTrue(bomb.length < 1_000, bomb.length + " bytes");
        assertNotDecoded(bomb);
        // The same bytes declaring a small picture decode: the header, not the bytes' count, decides.
        assertDecodedAs(64, 48, CraftedJpegs.declaring(64, 48));
    }

    @Test
    void aProgressiveFrameIsNotDecodedWhateverItsScans() {
        assertNotDecoded(CraftedJpegs.plain(480, 360, IMWRITE_JPEG_PROGRESSIVE, 1));
        // 250 KB, the most a recorded frame may be: some 20,000 passes over the picture (OpenCV took 4 to 7 s at this size).
        assertNotDecoded(CraftedJpegs.progressiveFilledWithScans(480, 360, 250_000));
        assertDecodedAs(480, 360, CraftedJpegs.plain(480, 360, IMWRITE_JPEG_PROGRESSIVE, 0));
    }

    @Test
    void aSequentialFrameOfMoreScansThanColoursIsNotDecoded() {
        byte[] plain = CraftedJpegs.plain(64, 64);
        byte[] repeated = CraftedJpegs.withLastScanRepeated(plain, JpegFrames.MAX_SCANS);

        assertEquals(JpegFrames.MAX_SCANS + 1, JpegStructure.of(repeated).orElseThrow().scans());
        assertNotDecoded(repeated);
        assertDecodedAs(64, 64, plain);
    }
}
