package org.livenesskiosk.ui;

import org.livenesskiosk.liveness.SessionUpdate;

/** Told of a session's progress, on the kiosk's threads: each method returns at once. */
public interface SessionListener {

    /** Where the analysis thread leaves each frame for the preview. */
    PreviewFrames preview();

    /**
     * Where the session wants the customer's face, for the oval: told before the first frame, and
     * again whenever the session wants it elsewhere. A listener that draws no oval ignores it.
     */
    default void target(FaceTarget target) {
    }

    /** What the session made of the latest frame. */
    void update(SessionUpdate update);

    /** The customer is done; the evidence is being delivered. */
    void verifying();

    void finished(KioskOutcome outcome);
}
