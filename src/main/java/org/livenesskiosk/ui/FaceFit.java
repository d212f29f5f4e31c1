package org.livenesskiosk.ui;

import java.util.Optional;

import org.livenesskiosk.liveness.FacePlacement;
import org.livenesskiosk.liveness.FaceZone;

/**
 * Whether the face fits the oval, and if not what the customer should do, judged by the session's
 * own rule ({@link FaceZone}): the oval is green exactly when the session accepts the face's place.
 * A new piece of advice is shown only once it has held for {@link #STEADY_MS}, so the oval never
 * flashes between green and white while a customer settles.
 */
final class FaceFit {

    /** What the oval says of the face: it fits, no face is seen, or the way to move. */
    enum Advice { FITS, SHOW_FACE, MOVE_CLOSER, MOVE_BACK, MOVE_LEFT, MOVE_RIGHT, MOVE_UP, MOVE_DOWN }

    static final long STEADY_MS = 400;

    private Advice shown = Advice.SHOW_FACE;
    private Advice candidate = Advice.SHOW_FACE;
    private long candidateSinceMs;

    /** The advice to show now for the face in this frame (empty: no face seen), against where the session wants it. */
    Advice advise(Optional<FacePlacement> face, FaceZone zone, long nowMs) {
        Advice now = face.map(placed -> judge(placed, zone)).orElse(Advice.SHOW_FACE);
        if (now != candidate) {
            candidate = now;
            candidateSinceMs = nowMs;
        }
        if (candidate != shown && nowMs - candidateSinceMs >= STEADY_MS) {
            shown = candidate;
        }
        return shown;
    }

    /** A new session: nothing seen yet. */
    void reset() {
        shown = Advice.SHOW_FACE;
        candidate = Advice.SHOW_FACE;
    }

    /**
     * The session's judgement in the customer's own directions: a face at the image's right (the
     * customer's left, as the camera faces them) should move to the customer's right, and the
     * mirrored preview shows it moving right too.
     */
    static Advice judge(FacePlacement face, FaceZone zone) {
        return switch (zone.judge(face)) {
            case FITS -> Advice.FITS;
            case TOO_SMALL -> Advice.MOVE_CLOSER;
            case TOO_LARGE -> Advice.MOVE_BACK;
            case IMAGE_RIGHT -> Advice.MOVE_RIGHT;
            case IMAGE_LEFT -> Advice.MOVE_LEFT;
            case TOO_LOW -> Advice.MOVE_UP;
            case TOO_HIGH -> Advice.MOVE_DOWN;
        };
    }
}
