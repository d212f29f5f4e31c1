package org.livenesskiosk.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.livenesskiosk.vision.FaceFingerprint;

/**
 * What the replay check keeps of a recording: each frame's face fingerprint, in order, and the
 * buckets its face is filed under ({@link FaceBuckets}); and the test for a replay.
 *
 * <p>A replay is the same pictures again, however they were changed: turned, mirrored, zoomed,
 * cropped, re-encoded, brightened, made noisy (the fingerprint of the aligned face survives all of
 * that, and a mirrored frame is compared in its mirrored orientation), and however they were
 * re-timed: slowed, sped up, with frames dropped or repeated, played backwards or shuffled. So
 * recordings are compared as sets of <em>moments</em>, not frame by frame at one time offset: a
 * moment is a frame that differs from the moment before it by more than such changes do, so a
 * still second is one moment at any frame rate, and a mouth opening is a few. A recording replays
 * an earlier one when {@link #REPLAYED_SHARE} of its moments are pictures of the earlier one, in
 * whatever order.
 *
 * <p>A customer trying again is not a replay: the same face is expected (it is in the same
 * buckets), the same moments are not. A new try is a new head position, new light on the face,
 * an action of another depth at another pace; at most its still moments look like the earlier
 * try's. Except when the customer stands as still as before and does the same again at the same
 * kiosk minutes later: then the pictures alone cannot tell the new try from the old one sent
 * again, and {@link #replayOf} says so ({@link Replay#SAME_KIOSK_AGAIN}) rather than call it a
 * replay.
 */
final class Fingerprints {

    /**
     * Bits (of {@link FaceFingerprint#BITS}) that may differ between a frame and its copy turned by
     * up to 10°, zoomed ±20 %, cropped, mirrored, brightened, re-encoded at JPEG quality 30 or made
     * noisy: nine in ten such copies on the shared clips stay within 23 (docs/identity.md).
     */
    static final int SAME_PICTURE_BITS = 24;
    /**
     * Share of a recording's moments that must be an earlier session's to make a replay. Measured
     * through the service (ReplayAndSpliceTest, docs/identity.md): every changed copy had all its
     * moments in the original; a new try of the same person, at most two of five or six.
     */
    static final double REPLAYED_SHARE = 0.7;
    /**
     * Fewer moments than this are a still picture, which says nothing about a replay. A session
     * needs an action, which makes at least two: the face before it and at its height (a still man
     * on a webcam, 100 px wide, opening his mouth makes two or three; a turn or a nod more).
     */
    static final int MIN_MOMENTS = 2;

    /**
     * How long after a session its own kiosk may send one that looks the same and still be a
     * customer trying again: the time a customer stays at a desk (a session lasts at most about two
     * minutes, a retry follows within a few).
     */
    static final long SAME_CUSTOMER_AGAIN_MS = 10 * 60_000;

    /** What the replay look-up found. */
    enum Replay {
        /** No earlier session's pictures. */
        NONE,
        /** An earlier session's pictures: sent by another kiosk, long after, or copied exactly. */
        REPLAY,
        /**
         * Only the pictures of sessions its own kiosk sent minutes before, not copied exactly: a still
         * customer trying again, or that kiosk's own recording sent again; a person decides.
         */
        SAME_KIOSK_AGAIN
    }

    /**
     * An earlier session as the replay index keeps it: its pictures, and the kiosk that sent them and
     * when (unknown, empty, for sessions stored before the index kept it).
     */
    record Earlier(Fingerprints pictures, Optional<String> accountId, Optional<String> deviceId, long atMs) {
    }

    private static final int BYTES_PER_FRAME = Long.BYTES * FaceFingerprint.LONGS;

    private final List<long[]> asShown = new ArrayList<>();
    /** Each frame's mirrored fingerprint; only while the recording is checked, never stored. */
    private final List<long[]> mirrored = new ArrayList<>();
    /** The recording's face, the mean embedding of its frames; only while it is checked, never stored. */
    private Optional<float[]> face = Optional.empty();

    void add(FaceFingerprint frame) {
        asShown.add(frame.asShown());
        mirrored.add(frame.mirrored());
    }

    /** Files the recording under its face, the mean embedding of its frames. */
    void fileUnder(float[] meanFace) {
        face = Optional.of(meanFace.clone());
    }

    /** The buckets the recording is filed under, when a face could be embedded. */
    Optional<long[]> buckets() {
        return face.map(FaceBuckets::of);
    }

    /** The buckets a look-up for this recording's earlier sessions reads, when a face could be embedded. */
    Optional<long[]> probes() {
        return face.map(FaceBuckets::probes);
    }

    int size() {
        return asShown.size();
    }

    /** The frames' fingerprints as shown, for the store: the mirrored ones are derived again when needed. */
    byte[] toBytes() {
        ByteBuffer bytes = ByteBuffer.allocate(asShown.size() * BYTES_PER_FRAME);
        for (long[] frame : asShown) {
            for (long part : frame) {
                bytes.putLong(part);
            }
        }
        return bytes.array();
    }

    static Fingerprints fromBytes(byte[] stored) {
        Fingerprints fingerprints = new Fingerprints();
        ByteBuffer bytes = ByteBuffer.wrap(stored);
        while (bytes.remaining() >= BYTES_PER_FRAME) {
            long[] frame = new long[FaceFingerprint.LONGS];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = bytes.getLong();
            }
            fingerprints.asShown.add(frame);
        }
        return fingerprints;
    }

    /**
     * What this recording, sent by the kiosk {@code deviceId} of {@code accountId} at {@code now}, is
     * to the earlier sessions: read one by one, and no further than the first it replays.
     */
    Replay replayOf(Stream<Earlier> earlier, String accountId, String deviceId, long now) {
        Replay found = Replay.NONE;
        for (Iterator<Earlier> sessions = earlier.iterator(); sessions.hasNext(); ) {
            Earlier session = sessions.next();
            if (!replays(session.pictures())) {
                continue;
            }
            boolean sameKioskJustBefore = session.accountId().equals(Optional.of(accountId))
                    && session.deviceId().equals(Optional.of(deviceId)) && now - session.atMs() <= SAME_CUSTOMER_AGAIN_MS;
            if (!sameKioskJustBefore || copies(session.pictures())) {
                return Replay.REPLAY;
            }
            found = Replay.SAME_KIOSK_AGAIN;
        }
        return found;
    }

    /**
     * Whether every frame is, bit for bit, one of {@code earlier}'s: the same recording sent again
     * unchanged (the re-run of the same frames gives the same fingerprints), which no new try does.
     */
    private boolean copies(Fingerprints earlier) {
        return asShown.stream().allMatch(frame -> earlier.asShown.stream().anyMatch(picture -> Arrays.equals(frame, picture)));
    }

    /** Whether this recording, as shown or mirrored, replays {@code earlier}. */
    boolean replays(Fingerprints earlier) {
        return replays(asShown, earlier.asShown) || (!mirrored.isEmpty() && replays(mirrored, earlier.asShown));
    }

    private static boolean replays(List<long[]> frames, List<long[]> earlier) {
        List<long[]> moments = moments(frames);
        if (moments.size() < MIN_MOMENTS) {
            return false;
        }
        long replayed = moments.stream().filter(moment -> earlier.stream()
                .anyMatch(picture -> FaceFingerprint.distance(moment, picture) <= SAME_PICTURE_BITS)).count();
        return replayed >= REPLAYED_SHARE * moments.size();
    }

    /** The frames that differ from the moment before them by more than a re-encoding does. */
    static List<long[]> moments(List<long[]> frames) {
        List<long[]> moments = new ArrayList<>();
        for (long[] frame : frames) {
            if (moments.isEmpty() || FaceFingerprint.distance(moments.get(moments.size() - 1), frame) > SAME_PICTURE_BITS) {
                moments.add(frame);
            }
        }
        return moments;
    }

}
