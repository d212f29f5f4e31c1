package org.livenesskiosk.liveness;

/**
 * Where a session is. It only moves forward: FAR → NEAR → PREPARING → ACTING → LIGHT → FINISHED
 * (the far/near stage and the light step only when the challenge asks for them), or straight to
 * FINISHED.
 */
public enum SessionState {
    /** The far/near stage, first half: the face small in the frame, as from the far end of the kiosk's distance. */
    FAR,
    /** The far/near stage, second half: the face large in the frame, the customer leaning in. */
    NEAR,
    /** Waiting for one face, centred, at the right distance, frontal, still and well lit. */
    PREPARING,
    /** Asking for the actions, one after another, each against its time limit. */
    ACTING,
    /** Every action seen and the best image kept: the customer holds still while the screen shows the service's colours. */
    LIGHT,
    /** Ended in success or failure; the result is final. */
    FINISHED
}
