package org.livenesskiosk.liveness;

/** Where a session is. It only moves forward: PREPARING → ACTING → FINISHED, or straight to FINISHED. */
public enum SessionState {
    /** Waiting for one face, centred, at the right distance, frontal, still and well lit. */
    PREPARING,
    /** Asking for the actions, one after another, each against its time limit. */
    ACTING,
    /** Ended in success or failure; the result is final. */
    FINISHED
}
