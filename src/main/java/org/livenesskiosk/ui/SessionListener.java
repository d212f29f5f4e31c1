package org.livenesskiosk.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

import org.livenesskiosk.liveness.LightSequence;
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

    /**
     * The light step has begun: show these colours around the preview at full brightness, each from
     * the display's refresh it first appears on, and then tell {@code shown} when each was really on
     * screen, in the session's milliseconds ({@code sessionMs}: the recording's time for a
     * {@link System#nanoTime()} reading, by the pipeline's frame clock, which the screens do not depend on). One
     * that cannot show them tells an empty timeline at once; the service then knows the screen showed nothing.
     */
    default void showLight(LightSequence sequence, LongUnaryOperator sessionMs, Consumer<List<LightSequence.Shown>> shown) {
        shown.accept(List.of());
    }

    /** The customer is done; the evidence is being delivered. */
    void verifying();

    void finished(KioskOutcome outcome);
}
