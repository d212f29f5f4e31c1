package org.livenesskiosk.capture;

import java.util.Optional;
import java.util.Set;

/**
 * What a JPEG's markers say it will cost to decode, read before any pixel is: its size, whether it
 * is sequential (one pass over the picture per scan, as cameras and OpenCV's encoder write it) and
 * how many scans it has. A decoder's work grows with the pixels times the scans, and both are the
 * sender's to choose: a few hundred bytes can declare 20,000 pixels a side, and 250 KB of
 * progressive JPEG can hold 20,000 scans of a few bytes each, every one a pass over the whole
 * picture (a full-HD frame so made took OpenCV 76 s to decode; docs/security.md).
 *
 * <p>The markers are walked as libjpeg walks them: bytes before a marker's 0xFF are skipped, as are
 * 0xFF fills; every segment with a length is stepped over whole (so a frame header hidden in a
 * comment vouches for nothing); a scan's coded data runs to the next marker other than a restart.
 *
 * @param width      the frame header's width
 * @param height     the frame header's height
 * @param sequential a baseline or extended sequential frame (SOF0, SOF1), not progressive, lossless
 *                   or arithmetic-coded
 * @param scans      the scans (SOS markers) up to the end of the image or of the bytes
 */
public record JpegStructure(long width, long height, boolean sequential, int scans) {

    /** JPEG's frame headers: SOF0 to SOF15 but for the three other markers in that range. */
    private static final int FIRST_FRAME_HEADER = 0xc0;
    private static final int LAST_FRAME_HEADER = 0xcf;
    private static final Set<Integer> NOT_FRAME_HEADERS = Set.of(0xc4, 0xc8, 0xcc);
    private static final Set<Integer> SEQUENTIAL = Set.of(0xc0, 0xc1);
    private static final int START_OF_SCAN = 0xda;
    private static final int END_OF_IMAGE = 0xd9;

    public long pixels() {
        return width * height;
    }

    /**
     * The structure of {@code jpeg}, or empty when it is no JPEG or has no frame header before its
     * first scan (which libjpeg refuses too).
     */
    public static Optional<JpegStructure> of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            return Optional.empty();
        }
        JpegStructure frame = null;
        int scans = 0;
        int at = 2;
        while (true) {
            while (at < jpeg.length && (jpeg[at] & 0xff) != 0xff) {
                at++;
            }
            while (at < jpeg.length && (jpeg[at] & 0xff) == 0xff) {
                at++;
            }
            if (at >= jpeg.length) {
                break;
            }
            int marker = jpeg[at++] & 0xff;
            if (marker == END_OF_IMAGE) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                continue; // TEM and the restart markers stand alone
            }
            if (at + 2 > jpeg.length) {
                break;
            }
            int length = (jpeg[at] & 0xff) << 8 | jpeg[at + 1] & 0xff;
            if (length < 2) {
                return Optional.empty();
            }
            if (isFrameHeader(marker) && frame == null) {
                // length (2), sample precision (1), height (2), width (2)
                if (length < 7 || at + 7 > jpeg.length) {
                    return Optional.empty();
                }
                long height = (jpeg[at + 3] & 0xff) << 8 | jpeg[at + 4] & 0xff;
                long width = (jpeg[at + 5] & 0xff) << 8 | jpeg[at + 6] & 0xff;
                frame = new JpegStructure(width, height, SEQUENTIAL.contains(marker), 0);
            }
            at += length;
            if (marker == START_OF_SCAN) {
                if (frame == null) {
                    return Optional.empty();
                }
                scans++;
                at = endOfCodedData(jpeg, at);
            }
        }
        return frame == null ? Optional.empty()
                : Optional.of(new JpegStructure(frame.width, frame.height, frame.sequential, scans));
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= FIRST_FRAME_HEADER && marker <= LAST_FRAME_HEADER && !NOT_FRAME_HEADERS.contains(marker);
    }

    /** Where a scan's coded data ends: at the 0xFF of the next marker that is neither a stuffed 0x00 nor a restart. */
    private static int endOfCodedData(byte[] jpeg, int from) {
        int at = from;
        while (at + 1 < jpeg.length) {
            if ((jpeg[at] & 0xff) == 0xff) {
                int next = jpeg[at + 1] & 0xff;
                if (next != 0x00 && next != 0xff && (next < 0xd0 || next > 0xd7)) {
                    return at;
                }
            }
            at++;
        }
        return jpeg.length;
    }
}
