package org.livenesskiosk.server;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.livenesskiosk.vision.FaceFingerprint;

/**
 * A recording's face fingerprints, frame by frame with their times, and the test for a replay: a
 * recording whose frames are, most of them, the very pictures of an earlier session, at the same
 * pace. A customer who simply tries again makes new pictures (another moment, another pose) and
 * acts at other times, so at most the still frames of the two tries look alike.
 */
final class Fingerprints {

    /** Bits that may differ between a frame and its re-encoded copy (of {@link FaceFingerprint#BITS}). */
    static final int SAME_PICTURE_BITS = 10;
    /** Share of the frames that must be an earlier session's, at one time offset, to make a replay. */
    static final double REPLAYED_SHARE = 0.8;
    /** Matched frames whose time offsets differ by less than this share one offset (a frame's jitter). */
    static final long OFFSET_TOLERANCE_MS = 60;
    /** Fewer frames with a face than this say too little to call anything a replay. */
    static final int MIN_FRAMES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Frames looked at before the full comparison. */
    private static final int SAMPLES = 16;

    private static final int BYTES_PER_FRAME = Long.BYTES * (1 + FaceFingerprint.LONGS);

    private final List<Long> timesMs = new ArrayList<>();
    private final List<long[]> hashes = new ArrayList<>();

    void add(long timeMs, long[] hash) {
        timesMs.add(timeMs);
        hashes.add(hash);
    }

    int size() {
        return hashes.size();
    }

    byte[] toBytes() {
        ByteBuffer bytes = ByteBuffer.allocate(hashes.size() * BYTES_PER_FRAME);
        for (int i = 0; i < hashes.size(); i++) {
            bytes.putLong(timesMs.get(i));
            for (long part : hashes.get(i)) {
                bytes.putLong(part);
            }
        }
        return bytes.array();
    }

    static Fingerprints fromBytes(byte[] stored) {
        Fingerprints fingerprints = new Fingerprints();
        ByteBuffer bytes = ByteBuffer.wrap(stored);
        while (bytes.remaining() >= BYTES_PER_FRAME) {
            long time = bytes.getLong();
            long[] hash = new long[FaceFingerprint.LONGS];
            for (int i = 0; i < hash.length; i++) {
                hash[i] = bytes.getLong();
            }
            fingerprints.add(time, hash);
        }
        return fingerprints;
    }

    /**
     * A quick look first, to pass over the sessions this recording has nothing in common with: does
     * any of a few of its frames, drawn at random, appear in {@code earlier} at all? Drawn at random,
     * so that no recording can put fresh frames where the look falls; any one is enough, so that a
     * replay with a few fresh frames still goes on to the full comparison (a replay of 80 % escapes it
     * with a chance of 0.2<sup>16</sup>).
     */
    private boolean sampleMatches(Fingerprints earlier) {
        for (int sample = 0; sample < SAMPLES; sample++) {
            long[] hash = hashes.get(RANDOM.nextInt(size()));
            if (earlier.hashes.stream().anyMatch(other -> FaceFingerprint.distance(hash, other) <= SAME_PICTURE_BITS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this recording replays {@code earlier}: at least {@link #REPLAYED_SHARE} of its frames
     * are pictures of {@code earlier} taken at one and the same time offset.
     */
    boolean replays(Fingerprints earlier) {
        if (size() < MIN_FRAMES || earlier.size() < MIN_FRAMES) {
            return false;
        }
        if (!sampleMatches(earlier)) {
            return false;
        }
        // For each window of two neighbouring offset bins (rounding splits one offset over two),
        // how many frames of this recording match in it; each frame counts once per window.
        Map<Long, Integer> framesInWindow = new HashMap<>();
        for (int i = 0; i < size(); i++) {
            Set<Long> windows = new HashSet<>();
            for (int j = 0; j < earlier.size(); j++) {
                if (FaceFingerprint.distance(hashes.get(i), earlier.hashes.get(j)) <= SAME_PICTURE_BITS) {
                    long bin = Math.floorDiv(timesMs.get(i) - earlier.timesMs.get(j), OFFSET_TOLERANCE_MS);
                    windows.add(bin);
                    windows.add(bin - 1);
                }
            }
            for (long window : windows) {
                framesInWindow.merge(window, 1, Integer::sum);
            }
        }
        int best = framesInWindow.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return best >= REPLAYED_SHARE * size();
    }
}
