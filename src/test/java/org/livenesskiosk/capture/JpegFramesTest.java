package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.testdata.JpegBomb;

/**
 * A recorded frame's JPEG comes from a kiosk the service does not trust: its declared size is read
 * from its header, the way libjpeg reads it, and nothing larger than a camera frame is decoded.
 */
class JpegFramesTest {

    private static byte[] jpeg(int width, int height) {
        try (Mat image = new Mat(height, width, CV_8UC3, new Scalar(40, 90, 160, 0)); BytePointer out = new BytePointer()) {
            imencode(".jpg", image, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

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
        assertDecodedAs(1920, 1080, jpeg(1920, 1080));
        assertNotDecoded(jpeg(1920, 1081));
    }

    @Test
    void aFewHundredBytesDeclaringTwentyThousandPixelsASideAreNotDecoded() {
        byte[] bomb = JpegBomb.declaring(20_000, 20_000);

        assertTrue(bomb.length < 1_000, bomb.length + " bytes");
        assertEquals(400_000_000L, JpegFrames.declaredPixels(bomb));
        assertNotDecoded(bomb);
        // The same few bytes declaring a small picture are read as the decoder reads them: the header is believed.
        assertDecodedAs(64, 48, JpegBomb.declaring(64, 48));
    }

    @Test
    void aProgressiveFrameHeaderIsJudgedToo() {
        byte[] bomb = JpegBomb.declaring(20_000, 20_000);
        bomb[JpegBomb.frameHeader(bomb) + 1] = (byte) 0xc2;

        assertEquals(400_000_000L, JpegFrames.declaredPixels(bomb));
    }

    @Test
    void aSmallFrameHeaderHiddenInACommentDoesNotVouchForTheRealOne() {
        byte[] bomb = JpegBomb.declaring(20_000, 20_000);
        byte[] decoy = {(byte) 0xff, (byte) 0xc0, 0, 17, 8, 0, 16, 0, 16, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
        // A comment segment (COM) right after the start of image, holding what looks like a 16×16 frame header.
        ByteArrayOutputStream crafted = new ByteArrayOutputStream();
        crafted.write(bomb, 0, 2);
        crafted.write(0xff);
        crafted.write(0xfe);
        crafted.write(0);
        crafted.write(decoy.length + 2);
        crafted.writeBytes(decoy);
        crafted.write(bomb, 2, bomb.length - 2);

        assertEquals(400_000_000L, JpegFrames.declaredPixels(crafted.toByteArray()));
        assertNotDecoded(crafted.toByteArray());
    }

    @Test
    void bytesBeforeAMarkerAreSkippedAsTheDecoderSkipsThem() {
        byte[] bomb = JpegBomb.declaring(20_000, 20_000);
        int header = JpegBomb.frameHeader(bomb);
        // Stray bytes between two segments, which libjpeg steps over with a warning.
        byte[] padded = new byte[bomb.length + 3];
        System.arraycopy(bomb, 0, padded, 0, header);
        padded[header] = 0x12;
        padded[header + 1] = 0x34;
        padded[header + 2] = 0x56;
        System.arraycopy(bomb, header, padded, header + 3, bomb.length - header);

        assertEquals(400_000_000L, JpegFrames.declaredPixels(padded));
    }

    @Test
    void whatHasNoFrameHeaderBeforeItsScanIsNoPicture() {
        byte[] jpeg = jpeg(32, 32);
        byte[] headless = Arrays.copyOf(jpeg, JpegBomb.frameHeader(jpeg));

        assertEquals(0, JpegFrames.declaredPixels(headless));
        assertEquals(0, JpegFrames.declaredPixels(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 0, 0}));
        assertEquals(0, JpegFrames.declaredPixels("not a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertNotDecoded(headless);
    }
}
