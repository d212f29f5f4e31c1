package org.livenesskiosk.pipeline;

import java.util.Map;

import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.SessionResult;

/**
 * A finished session with its face images (JPEG, biometric data) and how much input it took.
 *
 * @param images    the best image, the neutral face and each action at its peak; empty on failure
 * @param recording the frames analysed, as the service re-runs them (empty on the service's own re-run)
 */
public record SessionOutcome(SessionResult result, Map<EvidenceSlot, byte[]> images, SessionRecording recording, int frames,
                             int corruptFrames) {
}
