package org.livenesskiosk.vision.violation;

import org.livenesskiosk.liveness.SessionState;

/** Breaks {@code FRAMES_AND_FACES_STAND_ALONE} on purpose: the vision core looking at the session above it. */
public final class FaceFinderThatKnowsTheSession {

    public boolean worthMeasuring(SessionState state) {
        return state != SessionState.FINISHED;
    }
}
