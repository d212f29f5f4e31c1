package org.livenesskiosk.vision;

/**
 * One face in one frame.
 *
 * @param trackId the same number for the same face from frame to frame, new when a face is found again
 */
public record FaceObservation(int trackId, FaceLandmarks landmarks, FaceMetrics metrics) {
}
