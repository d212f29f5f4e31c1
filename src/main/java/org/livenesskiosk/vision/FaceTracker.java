package org.livenesskiosk.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Follows faces from frame to frame. Each face's next crop comes from its own landmarks, so the
 * detector runs only when there is nothing to follow, when a face was just lost, and at a regular
 * interval to notice a second person who walks in. The full-range detector, which finds the small
 * faces of people further back, joins only every other of those regular detections: it costs two
 * to four times the short-range one, and a person close enough to matter to the session (beside
 * the customer, or holding a picture up to the camera) is the short-range detector's.
 *
 * <p>The regular detection runs on a side thread, on a copy of its frame, while this thread follows
 * the faces; its result joins the tracks at the first frame {@link #RESULT_DELAY_MS} later in the
 * frames' own time. It lands on a frame chosen by the frames alone, never by which thread was
 * quicker: the kiosk and the service's re-run of its recording then follow the same faces and reach
 * the same verdict, however busy either machine is. The frame it lands on waits for it only when
 * frames come faster than the detector runs (the bench, which analyses them back to back); a
 * camera's do not. When there is nothing to follow, the frame detects on its own thread: there is
 * nothing else for it to do.
 *
 * <p>A second person who walks in is noticed at most {@link #DETECTION_INTERVAL_MS} +
 * {@link #RESULT_DELAY_MS} and a frame later, in the frames' time.
 *
 * <p>A face the detector finds but FaceMesh cannot follow (turned away, half hidden) still counts
 * as a face in view until the next detection: for a liveness check, a second person is a second
 * person even in profile.
 */
final class FaceTracker {

    static final long DETECTION_INTERVAL_MS = 500;
    /**
     * How often the regular detection includes the full-range detector: every other one. Someone far
     * back in the branch is noticed a detection later, and the re-run of a session costs about a tenth less.
     */
    static final long FAR_DETECTION_INTERVAL_MS = 2 * DETECTION_INTERVAL_MS;
    /**
     * How long after its frame the regular detection's result is taken in: six frames of a 30 fps
     * camera, thirty times what the two detectors take on a free core at 640×480 (about 6 ms), so
     * that no camera frame waits for it; and enough that a re-run as fast as it can (the service's,
     * the bench's: about 2 ms a frame) seldom does, even with the texture scored beside it. Shorter
     * than {@link #DETECTION_INTERVAL_MS}, so that one is taken in before the next starts.
     */
    static final long RESULT_DELAY_MS = 200;
    private static final double MIN_PRESENCE = 0.5;
    /** A detection that overlaps a followed face this much is that face, not a new one. */
    private static final double SAME_FACE_IOU = 0.3;
    /** A face FaceMesh cannot confirm counts only on this much stronger evidence from the detector. */
    private static final double MIN_UNFOLLOWED_SCORE = 0.6;
    private static final int MAX_FACES = 32;

    private final BlazeFaceDetector shortRange;
    private final BlazeFaceDetector fullRange;
    private final FaceMeshLandmarker landmarker;
    private final SideThread side;
    /** The frame the regular detection works on, a copy: the caller releases its own once {@link #track} returns. */
    private final Mat detectionFrame = new Mat();

    private final List<Track> tracks = new ArrayList<>();
    private final List<Box> unfollowed = new ArrayList<>();
    private int nextTrackId = 1;
    private boolean lostFace;
    private long lastRegularDetectionMs = Long.MIN_VALUE;
    private long lastFarDetectionMs = Long.MIN_VALUE;
    /** The regular detection under way, if any; while it is, only its side thread uses the detectors. */
    private PendingDetection pending;

    /** A face being followed: where to crop next, and where it was last seen. */
    private static final class Track {
        final int id;
        final FaceDetection detection;
        FaceRegion region;
        Box lastBox;

        Track(int id, FaceDetection detection) {
            this.id = id;
            this.detection = detection;
            this.region = FaceRegion.fromDetection(detection);
            this.lastBox = detection.box();
        }
    }

    /**
     * A followed face in the current frame, before its metrics are computed.
     *
     * @param box the box around its landmarks
     */
    record TrackedFace(int trackId, FaceLandmarks landmarks, Box box, Box previousBox) {
    }

    /** The faces of one frame: those followed, and those only the detector saw. */
    record Tracking(List<TrackedFace> followed, List<Box> unfollowed) {
    }

    /**
     * A regular detection under way on a side thread.
     *
     * @param timestampMs the time of the frame it detects in
     * @param followed    where the faces followed were when it started, as for a detection on this
     *                    thread: a detection that overlaps one is that face. No face starts being
     *                    followed while it is under way (a frame that detects on its own drops it),
     *                    so these are all the faces followed when it lands.
     */
    private record PendingDetection(long timestampMs, Future<List<FaceDetection>> result, List<Box> followed) {
    }

    FaceTracker(BlazeFaceDetector shortRange, BlazeFaceDetector fullRange, FaceMeshLandmarker landmarker, SideThread side) {
        this.shortRange = shortRange;
        this.fullRange = fullRange;
        this.landmarker = landmarker;
        this.side = side;
    }

    /** Landmarks of every face in this BGR frame. */
    Tracking track(Mat bgr, long timestampMs) {
        boolean mustDetect = tracks.isEmpty() || lostFace;
        boolean regularDue = isDue(lastRegularDetectionMs, DETECTION_INTERVAL_MS, timestampMs);
        boolean farDue = isDue(lastFarDetectionMs, FAR_DETECTION_INTERVAL_MS, timestampMs);
        List<Track> fresh = List.of();
        if (pending != null && (mustDetect || timestampMs < pending.timestampMs())) {
            // This frame must detect in itself, or does not continue the pending detection's frame:
            // that result is stale. It waits for the side thread to let go of the detectors, and its
            // own detection includes the full-range one, so that a person further back is not noticed any later.
            SideThread.await(pending.result());
            pending = null;
            regularDue = true;
            farDue = true;
        }
        boolean far = regularDue && farDue;
        if (pending != null && timestampMs >= pending.timestampMs() + RESULT_DELAY_MS) {
            fresh = addNewFaces(SideThread.await(pending.result()), pending.followed());
            pending = null;
            unfollowed.clear();
        } else if (mustDetect) {
            fresh = addNewFaces(detect(bgr, far), followedBoxes());
            unfollowed.clear();
            noteRegularDetection(regularDue, far, timestampMs);
        } else if (regularDue && pending == null) {
            bgr.copyTo(detectionFrame);
            pending = new PendingDetection(timestampMs, side.submit(() -> detectAll(detectionFrame, far)), followedBoxes());
            noteRegularDetection(regularDue, far, timestampMs);
        }
        lostFace = false;
        List<TrackedFace> faces = new ArrayList<>();
        for (Track track : List.copyOf(tracks)) {
            FaceLandmarks landmarks = landmarker.landmarks(bgr, track.region);
            Box box = landmarks.bounds();
            boolean isFresh = fresh.contains(track);
            boolean lost = landmarks.presence() < MIN_PRESENCE;
            if (lost || duplicates(box, faces)) {
                tracks.remove(track);
                if (!isFresh) {
                    lostFace = true;
                } else if (lost && track.detection.score() >= MIN_UNFOLLOWED_SCORE
                        && unfollowed.stream().noneMatch(other -> isSameFace(other, track.detection.box()))) {
                    unfollowed.add(track.detection.box());
                }
                continue;
            }
            faces.add(new TrackedFace(track.id, landmarks, box, isFresh ? null : track.lastBox));
            track.region = FaceRegion.fromLandmarks(landmarks);
            track.lastBox = box;
        }
        unfollowed.removeIf(other -> faces.stream().anyMatch(face -> isSameFace(other, face.box())));
        return new Tracking(faces, List.copyOf(unfollowed));
    }

    /** Forgets every face: the next frame is not a continuation of the last. */
    void reset() {
        if (pending != null) {
            SideThread.await(pending.result());
            pending = null;
        }
        tracks.clear();
        unfollowed.clear();
        lostFace = false;
        lastRegularDetectionMs = Long.MIN_VALUE;
        lastFarDetectionMs = Long.MIN_VALUE;
    }

    /** Whether a detection last run at {@code lastMs} is due again at {@code timestampMs}; a frame before it starts over. */
    private static boolean isDue(long lastMs, long intervalMs, long timestampMs) {
        return lastMs == Long.MIN_VALUE || timestampMs - lastMs >= intervalMs || timestampMs < lastMs;
    }

    private void noteRegularDetection(boolean regular, boolean far, long timestampMs) {
        if (regular) {
            lastRegularDetectionMs = timestampMs;
        }
        if (far) {
            lastFarDetectionMs = timestampMs;
        }
    }

    /**
     * Full-range detections come first: on small faces the short-range model still fires, but with
     * a box too loose for FaceMesh, so where both see a face the full-range box is the one followed.
     * The full-range model runs on a side thread beside the short-range one.
     */
    private List<FaceDetection> detect(Mat bgr, boolean includeFullRange) {
        if (!includeFullRange) {
            return shortRange.detect(bgr);
        }
        Future<List<FaceDetection>> far = side.submit(() -> fullRange.detect(bgr));
        try {
            List<FaceDetection> near = shortRange.detect(bgr);
            List<FaceDetection> found = new ArrayList<>(SideThread.await(far));
            found.addAll(near);
            return found;
        } finally {
            // The frame is the caller's: the side thread must be done with it before this returns.
            SideThread.await(far);
        }
    }

    /** The regular detection, already on the side thread: the detectors one after the other, in {@link #detect}'s order. */
    private List<FaceDetection> detectAll(Mat bgr, boolean includeFullRange) {
        List<FaceDetection> found = new ArrayList<>(includeFullRange ? fullRange.detect(bgr) : List.of());
        found.addAll(shortRange.detect(bgr));
        return found;
    }

    /**
     * Starts following each detection of a face not already followed; returns the new tracks.
     * Two detections of one new face (one per detector) both start, and FaceMesh settles which
     * one to keep: the first whose crop holds the face.
     *
     * @param followed where the faces followed were seen last before the frame detected in
     */
    private List<Track> addNewFaces(List<FaceDetection> detections, List<Box> followed) {
        List<Track> added = new ArrayList<>();
        for (FaceDetection detection : detections) {
            if (tracks.size() >= MAX_FACES) {
                break;
            }
            if (followed.stream().noneMatch(box -> box.iou(detection.box()) > SAME_FACE_IOU)) {
                Track track = new Track(nextTrackId++, detection);
                tracks.add(track);
                added.add(track);
            }
        }
        return added;
    }

    /** Where each face followed was last seen. */
    private List<Box> followedBoxes() {
        return tracks.stream().map(track -> track.lastBox).toList();
    }

    /**
     * Whether a detection that FaceMesh could not follow is really a followed face: the same box,
     * or a loose box around a group that holds the face's centre.
     */
    private static boolean isSameFace(Box detection, Box followed) {
        return detection.iou(followed) > SAME_FACE_IOU || detection.contains(followed.centerX(), followed.centerY());
    }

    /** Two tracks on the same face: keep the first. */
    private static boolean duplicates(Box box, List<TrackedFace> earlier) {
        return earlier.stream().anyMatch(face -> face.box().iou(box) > 0.5);
    }
}
