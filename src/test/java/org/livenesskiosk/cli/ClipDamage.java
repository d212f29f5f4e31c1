package org.livenesskiosk.cli;

/** Damages chosen frames of an MJPEG AVI, the way a bad disk or a broken transfer would. */
final class ClipDamage {

    private static final byte[] FRAME_CHUNK = {'0', '0', 'd', 'c'};
    private static final int DAMAGED_BYTES = 600;

    private ClipDamage() {
    }

    /** Overwrites the start of the JPEG data of each given frame (0-based) with zeros. */
    static byte[] zeroFrames(byte[] avi, int... frames) {
        byte[] damaged = avi.clone();
        for (int frame : frames) {
            int chunk = nthFrameChunk(damaged, frame);
            for (int i = chunk + 8; i < chunk + 8 + DAMAGED_BYTES; i++) {
                damaged[i] = 0;
            }
        }
        return damaged;
    }

    /** Where the n-th frame's chunk starts: the n-th "00dc" after the "movi" list. */
    private static int nthFrameChunk(byte[] avi, int n) {
        int position = indexOf(avi, new byte[] {'m', 'o', 'v', 'i'}, 0);
        for (int seen = -1; seen < n; seen++) {
            position = indexOf(avi, FRAME_CHUNK, position + 1);
            if (position < 0) {
                throw new IllegalArgumentException("the clip has no frame " + n);
            }
        }
        return position;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
