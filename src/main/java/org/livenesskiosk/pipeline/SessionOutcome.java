package org.livenesskiosk.pipeline;

import java.util.Map;

import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.SessionResult;

/**
 * A finished session with its face images (JPEG, biometric data) and how much input it took.
 *
 * @param images the best image, the neutral face and each action at its peak; empty on failure
 */
public record SessionOutcome(SessionResult result, Map<EvidenceSlot, byte[]> images, int frames, int corruptFrames) {
}
