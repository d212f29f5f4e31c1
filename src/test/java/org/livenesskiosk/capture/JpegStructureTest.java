package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_PROGRESSIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.testdata.CraftedJpegs;

/** A JPEG's size, kind and scans, read from its markers as libjpeg reads them, however the bytes are arranged. */
class JpegStructureTest {

    private static JpegStructure of(byte[] jpeg) {
        return JpegStructure.of(jpeg).orElseThrow();
    }

    @Test
    void theKiosksOwnFrameIsSequentialWithOneScan() {
        JpegStructure frame = of(CraftedJpegs.plain(480, 360));

        assertEquals(new JpegStructure(480, 360, true, 1), frame);
    }

    @Test
    void aProgressivePictureIsToldAndItsScansCounted() {
        JpegStructure progressive = of(CraftedJpegs.plain(480, 360, IMWRITE_JPEG_PROGRESSIVE, 1));

        assertFalse(progressive.sequential());
        // libjpeg's own script for a colour picture.
        assertEquals(10, progressive.scans());
        JpegStructure crafted = of(CraftedJpegs.progressiveFilledWithScans(480, 360, 250_000));
        assertTrue(crafted.scans() > 10_000, crafted.scans() + " scans");
    }

    @Test
    void theFrameHeaderIsBelievedWhateverItDeclares() {
        assertEquals(400_000_000L, of(CraftedJpegs.declaring(20_000, 20_000)).pixels());
        assertEquals(64 * 48, of(CraftedJpegs.declaring(64, 48)).pixels());
    }

    @Test
    void aSmallFrameHeaderHiddenInACommentDoesNotVouchForTheRealOne() {
        byte[] bomb = CraftedJpegs.declaring(20_000, 20_000);
        byte[] decoy = {(byte) 0xff, (byte) 0xc0, 0, 17, 8, 0, 16, 0, 16, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
        // A comment segment (COM) right after the start of image, holding what looks like a 16×16 frame header.
        ByteArrayOutputStream crafted = new ByteArrayOutputStream();
        crafted.write(bomb, 0, 2);
        crafted.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) (decoy.length + 2)});
        crafted.writeBytes(decoy);
        crafted.write(bomb, 2, bomb.length - 2);

        assertEquals(400_000_000L, of(crafted.toByteArray()).pixels());
    }

    @Test
    void bytesBeforeAMarkerAreSkippedAsTheDecoderSkipsThem() {
        byte[] bomb = CraftedJpegs.declaring(20_000, 20_000);
        int header = CraftedJpegs.frameHeader(bomb);
        // Stray bytes between two segments, which libjpeg steps over with a warning.
        byte[] padded = new byte[bomb.length + 3];
        System.arraycopy(bomb, 0, padded, 0, header);
        padded[header] = 0x12;
        padded[header + 1] = 0x34;
        padded[header + 2] = 0x56;
        System.arraycopy(bomb, header, padded, header + 3, bomb.length - header);

        assertEquals(400_000_000L, of(padded).pixels());
    }

    @Test
    void aScanMarkerInsideCodedDataIsNotCountedButOneAfterItIs() {
        byte[] jpeg = CraftedJpegs.plain(64, 64);
        int endOfImage = jpeg.length - 2;
        // Stuffed bytes (0xFF 0x00) and a restart marker belong to the scan's coded data; a second SOS does not.
        ByteArrayOutputStream crafted = new ByteArrayOutputStream();
        crafted.write(jpeg, 0, endOfImage);
        crafted.writeBytes(new byte[] {(byte) 0xff, 0x00, (byte) 0xff, (byte) 0xd3, 0x10});
        crafted.write(jpeg, endOfImage, 2);
        assertEquals(1, of(crafted.toByteArray()).scans());

        assertEquals(2, of(CraftedJpegs.withLastScanRepeated(jpeg, 1)).scans());
    }

    @Test
    void whatHasNoFrameHeaderBeforeItsScanIsNoJpeg() {
        byte[] jpeg = CraftedJpegs.plain(32, 32);
        byte[] headless = Arrays.copyOf(jpeg, CraftedJpegs.frameHeader(jpeg));

        assertEquals(Optional.empty(), JpegStructure.of(headless));
        assertEquals(Optional.empty(), JpegStructure.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 0, 0}));
        assertEquals(Optional.empty(), JpegStructure.of("not a picture".getBytes(StandardCharsets.US_ASCII)));
    }
}
