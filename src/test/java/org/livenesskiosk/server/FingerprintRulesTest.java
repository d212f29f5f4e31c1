package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.vision.FaceFingerprint;

/**
 * The replay test on synthetic fingerprints: random hashes stand for different pictures (two of
 * them differ in about half their bits), a hash with a few bits flipped for the same picture
 * re-encoded. Each rule is tried at its limit and just past it.
 */
class FingerprintRulesTest {

    private static final int FRAMES = 20;
    private static final long FRAME_MS = 100;
    private static final long LATER_MS = 60_000;

    /** An earlier session: {@code count} different pictures, one every 100 ms. */
    private static long[][] pictures(int count, long seed) {
        Random random = new Random(seed);
        long[][] hashes = new long[count][FaceFingerprint.LONGS];
        for (long[] hash : hashes) {
            for (int i = 0; i < hash.length; i++) {
                hash[i] = random.nextLong();
            }
        }
        return hashes;
    }

    private static Fingerprints session(long[][] hashes, long startMs) {
        Fingerprints fingerprints = new Fingerprints();
        for (int i = 0; i < hashes.length; i++) {
            fingerprints.add(startMs + i * FRAME_MS, hashes[i]);
        }
        return fingerprints;
    }

    /** The same picture with its lowest {@code bits} bits flipped, as a re-encoding changes a few. */
    private static long[] reencoded(long[] hash, int bits) {
        long[] copy = Arrays.copyOf(hash, hash.length);
        for (int bit = 0; bit < bits; bit++) {
            copy[bit / 64] ^= 1L << (bit % 64);
        }
        return copy;
    }

    /** The earlier session's pictures, each re-encoded, the first {@code replayed} of them; the rest new. */
    private static long[][] replayOf(long[][] earlier, int replayed, int bits) {
        long[][] fresh = pictures(earlier.length, 99);
        long[][] hashes = new long[earlier.length][];
        for (int i = 0; i < earlier.length; i++) {
            hashes[i] = i < replayed ? reencoded(earlier[i], bits) : fresh[i];
        }
        return hashes;
    }

    @Test
    void theSamePicturesReEncodedAtTheSamePaceAreAReplay() {
        long[][] earlier = pictures(FRAMES, 1);

        assertTrue(session(replayOf(earlier, FRAMES, Fingerprints.SAME_PICTURE_BITS), LATER_MS).replays(session(earlier, 0)));
    }

    @Test
    void oneBitMoreThanAReEncodingChangesIsAnotherPicture() {
        long[][] earlier = pictures(FRAMES, 1);

        assertFalse(session(replayOf(earlier, FRAMES, Fingerprints.SAME_PICTURE_BITS + 1), LATER_MS)
                .replays(session(earlier, 0)));
    }

    @Test
    void freshFramesWhereAnEvenlySpacedLookWouldFallDoNotHideAReplay() {
        // 32 frames, 28 of them replayed (87.5 %): the 4 fresh ones sit where a look at every second frame falls.
        long[][] earlier = pictures(32, 1);
        long[][] fresh = pictures(32, 99);
        long[][] recording = new long[32][];
        for (int i = 0; i < recording.length; i++) {
            recording[i] = i % 2 == 0 && i < 8 ? fresh[i] : reencoded(earlier[i], 2);
        }

        assertTrue(session(recording, LATER_MS).replays(session(earlier, 0)));
    }

    @Test
    void aReplayNeedsFourFifthsOfTheFrames() {
        long[][] earlier = pictures(FRAMES, 1);
        int fourFifths = (int) (Fingerprints.REPLAYED_SHARE * FRAMES);

        assertTrue(session(replayOf(earlier, fourFifths, 0), LATER_MS).replays(session(earlier, 0)));
        assertFalse(session(replayOf(earlier, fourFifths - 1, 0), LATER_MS).replays(session(earlier, 0)));
    }

    @Test
    void framesWhoseOffsetsDifferByLessThanTheToleranceShareOneOffset() {
        long[][] earlier = pictures(FRAMES, 1);
        Fingerprints jittered = new Fingerprints();
        for (int i = 0; i < FRAMES; i++) {
            // Offsets of 60 030 and 60 089 ms: 59 ms apart, and on either side of a 60 ms bin's edge.
            long jitter = i % 2 == 0 ? 30 : 30 + Fingerprints.OFFSET_TOLERANCE_MS - 1;
            jittered.add(LATER_MS + i * FRAME_MS + jitter, earlier[i]);
        }

        assertTrue(jittered.replays(session(earlier, 0)));
    }

    @Test
    void thePicturesAtTwoOffsetsFarApartAreNoReplay() {
        // Half the pictures at one offset, half 200 ms later: no one offset holds four fifths.
        long[][] earlier = pictures(FRAMES, 1);
        Fingerprints shuffled = new Fingerprints();
        for (int i = 0; i < FRAMES; i++) {
            long shift = i % 2 == 0 ? 0 : 2 * FRAME_MS;
            shuffled.add(LATER_MS + i * FRAME_MS + shift, earlier[i]);
        }

        assertFalse(shuffled.replays(session(earlier, 0)));
    }

    @Test
    void aReplayNeedsTenFramesOnEitherSide() {
        long[][] earlier = pictures(Fingerprints.MIN_FRAMES, 1);
        long[][] fewer = Arrays.copyOf(earlier, Fingerprints.MIN_FRAMES - 1);

        assertTrue(session(earlier, LATER_MS).replays(session(earlier, 0)));
        assertFalse(session(fewer, LATER_MS).replays(session(earlier, 0)));
        assertFalse(session(earlier, LATER_MS).replays(session(fewer, 0)));
    }

    @Test
    void aFewStillFramesAlikeAreNoReplay() {
        // A customer trying again: new pictures, but the first three look like the earlier session's still frames.
        long[][] earlier = pictures(FRAMES, 1);

        assertFalse(session(replayOf(earlier, 3, 0), LATER_MS).replays(session(earlier, 0)));
    }

    @Test
    void theStoredFormKeepsEveryTimeAndHash() {
        Fingerprints original = session(pictures(FRAMES, 1), 1_234);

        Fingerprints stored = Fingerprints.fromBytes(original.toBytes());

        assertEquals(FRAMES, stored.size());
        assertArrayEquals(original.toBytes(), stored.toBytes());
        assertTrue(stored.replays(original), "the same pictures at the same times");
    }

    @Test
    void aTruncatedStoredFormKeepsTheWholeFramesOnly() {
        byte[] bytes = session(pictures(FRAMES, 1), 0).toBytes();

        assertEquals(FRAMES - 1, Fingerprints.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)).size());
    }
}
