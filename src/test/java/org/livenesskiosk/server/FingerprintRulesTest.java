package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.vision.FaceFingerprint;

/**
 * The replay test on synthetic fingerprints: random hashes stand for different pictures (two of
 * them differ in about half their bits), so each frame is a moment of its own; a hash with a few
 * bits flipped stands for the same picture changed by an attacker. Each rule is tried at its
 * limit and just past it.
 */
class FingerprintRulesTest {

    private static final int FRAMES = 20;

    /** {@code count} different pictures. */
    private static List<long[]> pictures(int count, long seed) {
        Random random = new Random(seed);
        List<long[]> hashes = new ArrayList<>();
        for (int picture = 0; picture < count; picture++) {
            long[] hash = new long[FaceFingerprint.LONGS];
            for (int i = 0; i < hash.length; i++) {
                hash[i] = random.nextLong();
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /** A recording of these frames as shown; its mirrored orientation is fresh pictures. */
    private static Fingerprints recording(List<long[]> frames) {
        return recording(frames, pictures(frames.size(), 77));
    }

    private static Fingerprints recording(List<long[]> asShown, List<long[]> mirrored) {
        Fingerprints fingerprints = new Fingerprints();
        for (int i = 0; i < asShown.size(); i++) {
            fingerprints.add(new FaceFingerprint(asShown.get(i), mirrored.get(i)));
        }
        return fingerprints;
    }

    /** As the store gives it back. */
    private static Fingerprints stored(List<long[]> frames) {
        return Fingerprints.fromBytes(recording(frames).toBytes());
    }

    /** The same picture with its lowest {@code bits} bits flipped. */
    private static long[] changed(long[] hash, int bits) {
        long[] copy = Arrays.copyOf(hash, hash.length);
        for (int bit = 0; bit < bits; bit++) {
            copy[bit / 64] ^= 1L << (bit % 64);
        }
        return copy;
    }

    private static List<long[]> changed(List<long[]> frames, int bits) {
        return frames.stream().map(frame -> changed(frame, bits)).toList();
    }

    /** The first {@code replayed} pictures of {@code earlier}, changed a little; the rest new. */
    private static List<long[]> partlyReplayed(List<long[]> earlier, int replayed) {
        List<long[]> fresh = pictures(earlier.size(), 99);
        List<long[]> frames = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            frames.add(i < replayed ? changed(earlier.get(i), 3) : fresh.get(i));
        }
        return frames;
    }

    @Test
    void theSamePicturesChangedByAsMuchAsAnAttackerChangesThemAreAReplay() {
        List<long[]> earlier = pictures(FRAMES, 1);

        assertTrue(recording(changed(earlier, Fingerprints.SAME_PICTURE_BITS)).replays(stored(earlier)));
    }

    @Test
    void oneBitMoreIsAnotherPicture() {
        List<long[]> earlier = pictures(FRAMES, 1);

        assertFalse(recording(changed(earlier, Fingerprints.SAME_PICTURE_BITS + 1)).replays(stored(earlier)));
    }

    @Test
    void slowedSpedUpRepeatedAndDroppedFramesAreStillAReplay() {
        List<long[]> earlier = pictures(FRAMES, 1);
        List<long[]> slowed = new ArrayList<>();
        for (long[] frame : earlier) {
            slowed.add(frame);
            slowed.add(frame);
        }
        List<long[]> spedUp = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i += 2) {
            spedUp.add(earlier.get(i));
        }

        assertTrue(recording(slowed).replays(stored(earlier)), "every frame twice");
        assertTrue(recording(spedUp).replays(stored(earlier)), "every other frame dropped");
    }

    @Test
    void aRecordingPlayedBackwardsIsAReplay() {
        List<long[]> earlier = pictures(FRAMES, 1);
        List<long[]> reversed = new ArrayList<>(earlier);
        Collections.reverse(reversed);

        assertTrue(recording(reversed).replays(stored(earlier)));
    }

    @Test
    void aMirroredRecordingIsComparedInItsMirroredOrientation() {
        List<long[]> earlier = pictures(FRAMES, 1);

        assertTrue(recording(pictures(FRAMES, 5), changed(earlier, 4)).replays(stored(earlier)));
    }

    @Test
    void aReplayNeedsSevenTenthsOfTheMoments() {
        List<long[]> earlier = pictures(FRAMES, 1);
        int share = (int) Math.ceil(Fingerprints.REPLAYED_SHARE * FRAMES);

        assertTrue(recording(partlyReplayed(earlier, share)).replays(stored(earlier)));
        assertFalse(recording(partlyReplayed(earlier, share - 1)).replays(stored(earlier)));
    }

    @Test
    void theSamePicturesShuffledAreAReplay() {
        List<long[]> earlier = pictures(FRAMES, 1);
        List<long[]> shuffled = new ArrayList<>(earlier);
        Collections.shuffle(shuffled, new Random(3));

        assertTrue(recording(shuffled).replays(stored(earlier)));
    }

    @Test
    void aStillPictureSaysNothing() {
        List<long[]> still = Collections.nCopies(FRAMES, pictures(1, 1).get(0));
        List<long[]> fewMoments = pictures(Fingerprints.MIN_MOMENTS - 1, 1);

        assertEquals(1, Fingerprints.moments(still).size(), "a still picture is one moment at any frame rate");
        assertFalse(recording(still).replays(stored(still)));
        assertFalse(recording(fewMoments).replays(stored(fewMoments)));
        assertTrue(recording(pictures(Fingerprints.MIN_MOMENTS, 1)).replays(stored(pictures(Fingerprints.MIN_MOMENTS, 1))));
    }

    @Test
    void onlyTheFramesAsShownAreStored() {
        List<long[]> frames = pictures(3, 1);
        Fingerprints stored = Fingerprints.fromBytes(recording(frames).toBytes());

        assertEquals(3, stored.size());
        assertEquals(3 * FaceFingerprint.BITS / 8, recording(frames).toBytes().length);
    }

    private static final String ACCOUNT = "account-1";
    private static final String KIOSK = "kiosk-1";
    private static final long NOW = 1_000_000_000L;

    private static Fingerprints.Replay replayOf(Fingerprints recording, Fingerprints.Earlier... earlier) {
        return recording.replayOf(Stream.of(earlier), ACCOUNT, KIOSK, NOW);
    }

    private static Fingerprints.Earlier sentBy(String account, String kiosk, long agoMs, List<long[]> frames) {
        return new Fingerprints.Earlier(stored(frames), Optional.ofNullable(account), Optional.ofNullable(kiosk), NOW - agoMs);
    }

    @Test
    void anotherKiosksPicturesAreAReplayAtOnce() {
        List<long[]> earlier = pictures(FRAMES, 1);
        Fingerprints copy = recording(changed(earlier, 3));

        assertEquals(Fingerprints.Replay.REPLAY, replayOf(copy, sentBy(ACCOUNT, "kiosk-2", 1_000, earlier)));
        assertEquals(Fingerprints.Replay.REPLAY, replayOf(copy, sentBy("account-2", KIOSK, 1_000, earlier)), "another account's kiosk-1");
        assertEquals(Fingerprints.Replay.REPLAY, replayOf(copy, sentBy(null, null, 1_000, earlier)), "stored before the kiosk was kept");
        assertEquals(Fingerprints.Replay.NONE, replayOf(recording(pictures(FRAMES, 2)), sentBy(ACCOUNT, "kiosk-2", 1_000, earlier)));
    }

    @Test
    void itsOwnKiosksPicturesMinutesBeforeAreLeftToAPersonUpToTheirLimit() {
        List<long[]> earlier = pictures(FRAMES, 1);
        Fingerprints lookingTheSame = recording(changed(earlier, 3));

        assertEquals(Fingerprints.Replay.SAME_KIOSK_AGAIN,
                replayOf(lookingTheSame, sentBy(ACCOUNT, KIOSK, Fingerprints.SAME_CUSTOMER_AGAIN_MS, earlier)));
        assertEquals(Fingerprints.Replay.REPLAY,
                replayOf(lookingTheSame, sentBy(ACCOUNT, KIOSK, Fingerprints.SAME_CUSTOMER_AGAIN_MS + 1, earlier)));
    }

    @Test
    void aLookUpReadsNoFurtherThanTheFirstReplay() {
        // One face may be filed thousands of times (a kiosk sending one customer all day, a face flooded on purpose):
        // the sessions after the replay found are never read, so they are never all held at once.
        List<long[]> earlier = pictures(FRAMES, 1);
        Fingerprints copy = recording(changed(earlier, 3));
        Stream<Fingerprints.Earlier> floodAfterIt = Stream.concat(Stream.of(sentBy(ACCOUNT, "kiosk-2", 1_000, earlier)),
                Stream.generate(() -> {
                    throw new AssertionError("a session after the replay was read");
                }));

        assertEquals(Fingerprints.Replay.REPLAY, copy.replayOf(floodAfterIt, ACCOUNT, KIOSK, NOW));
    }

    @Test
    void anExactCopyIsAReplayEvenFromItsOwnKiosk() {
        List<long[]> earlier = pictures(FRAMES, 1);
        List<long[]> oneFrameChanged = new ArrayList<>(earlier);
        oneFrameChanged.set(FRAMES / 2, changed(earlier.get(FRAMES / 2), 1));

        assertEquals(Fingerprints.Replay.REPLAY, replayOf(recording(earlier), sentBy(ACCOUNT, KIOSK, 1_000, earlier)));
        assertEquals(Fingerprints.Replay.SAME_KIOSK_AGAIN, replayOf(recording(oneFrameChanged), sentBy(ACCOUNT, KIOSK, 1_000, earlier)));
    }

    @Test
    void anyOtherKiosksSessionAmongThemMakesItAReplay() {
        List<long[]> earlier = pictures(FRAMES, 1);
        Fingerprints copy = recording(changed(earlier, 3));

        assertEquals(Fingerprints.Replay.REPLAY, replayOf(copy, sentBy(ACCOUNT, KIOSK, 1_000, earlier),
                sentBy(ACCOUNT, "kiosk-2", 1_000, earlier)));
        assertEquals(Fingerprints.Replay.SAME_KIOSK_AGAIN, replayOf(copy, sentBy(ACCOUNT, "kiosk-2", 1_000, pictures(FRAMES, 2)),
                sentBy(ACCOUNT, KIOSK, 1_000, earlier)), "another kiosk's session of other pictures says nothing");
    }
}
