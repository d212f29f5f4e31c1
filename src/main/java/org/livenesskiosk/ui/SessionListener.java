package org.livenesskiosk.ui;

import org.livenesskiosk.liveness.SessionUpdate;

/** Told of a session's progress, on the kiosk's threads: each method returns at once. */
public interface SessionListener {

    /** Where the analysis thread leaves each frame for the preview. */
    PreviewFrames preview();

    /** What the session made of the latest frame. */
    void update(SessionUpdate update);

    /** The customer is done; the evidence is being delivered. */
    void verifying();

    void finished(KioskOutcome outcome);
}
