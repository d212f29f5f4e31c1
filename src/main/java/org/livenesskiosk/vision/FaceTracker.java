package org.livenesskiosk.vision;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Follows faces from frame to frame. Each face's next crop comes from its own landmarks, so the
 * detector runs only when there is nothing to follow, when a face was just lost, and at a regular
 * interval to notice a second person who walks in. The full-range detector, which finds the small
 * faces of people further back, runs only at that interval.
 *
 * <p>A face the detector finds but FaceMesh cannot follow (turned away, half hidden) still counts
 * as a face in view until the next detection: for a liveness check, a second person is a second
 * person even in profile.
 */
final class FaceTracker {

    static final long DETECTION_INTERVAL_MS = 500;
    private static final double MIN_PRESENCE = 0.5;
    /** A detection that overlaps a followed face this much is that face, not a new one. */
    private static final double SAME_FACE_IOU = 0.3;
    /** A face FaceMesh cannot confirm counts only on this much stronger evidence from the detector. */
    private static final double MIN_UNFOLLOWED_SCORE = 0.6;
    private static final int MAX_FACES = 32;

    private final BlazeFaceDetector shortRange;
    private final BlazeFaceDetector fullRange;
    private final FaceMeshLandmarker landmarker;

    private final List<Track> tracks = new ArrayList<>();
    private final List<Box> unfollowed = new ArrayList<>();
    private int nextTrackId = 1;
    private boolean lostFace;
    private long lastFullDetectionMs = Long.MIN_VALUE;

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

    FaceTracker(BlazeFaceDetector shortRange, BlazeFaceDetector fullRange, FaceMeshLandmarker landmarker) {
        this.shortRange = shortRange;
        this.fullRange = fullRange;
        this.landmarker = landmarker;
    }

    /** Landmarks of every face in this BGR frame. */
    Tracking track(Mat bgr, long timestampMs) {
        boolean fullDue = lastFullDetectionMs == Long.MIN_VALUE || timestampMs - lastFullDetectionMs >= DETECTION_INTERVAL_MS
                || timestampMs < lastFullDetectionMs;
        List<Track> fresh = List.of();
        if (tracks.isEmpty() || lostFace || fullDue) {
            fresh = addNewFaces(detect(bgr, fullDue));
            unfollowed.clear();
            if (fullDue) {
                lastFullDetectionMs = timestampMs;
            }
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
        tracks.clear();
        unfollowed.clear();
        lostFace = false;
        lastFullDetectionMs = Long.MIN_VALUE;
    }

    /**
     * Full-range detections come first: on small faces the short-range model still fires, but with
     * a box too loose for FaceMesh, so where both see a face the full-range box is the one followed.
     */
    private List<FaceDetection> detect(Mat bgr, boolean includeFullRange) {
        List<FaceDetection> found = new ArrayList<>();
        if (includeFullRange) {
            found.addAll(fullRange.detect(bgr));
        }
        found.addAll(shortRange.detect(bgr));
        return found;
    }

    /**
     * Starts following each detection of a face not already followed; returns the new tracks.
     * Two detections of one new face (one per detector) both start, and FaceMesh settles which
     * one to keep: the first whose crop holds the face.
     */
    private List<Track> addNewFaces(List<FaceDetection> detections) {
        List<Track> followed = List.copyOf(tracks);
        List<Track> added = new ArrayList<>();
        for (FaceDetection detection : detections) {
            if (tracks.size() >= MAX_FACES) {
                break;
            }
            if (followed.stream().noneMatch(track -> track.lastBox.iou(detection.box()) > SAME_FACE_IOU)) {
                Track track = new Track(nextTrackId++, detection);
                tracks.add(track);
                added.add(track);
            }
        }
        return added;
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
