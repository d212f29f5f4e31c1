package org.livenesskiosk.ui;

import java.util.Optional;

/**
 * Whether the face fits the oval, and if not what the customer should do, judged from where the
 * face actually is: its box against the {@link FaceTarget}. The advice holds still: a face fits
 * once it is within the tolerances and goes on fitting until it leaves the wider ones, and a new
 * piece of advice is shown only once it has held for {@link #STEADY_MS}, so the oval never flashes
 * between green and white while a customer settles or acts.
 */
final class FaceFit {

    /** What the oval tells the customer. */
    enum Advice {
        FITS(UiText.GUIDE_FITS),
        SHOW_FACE(UiText.GUIDE_SHOW_FACE),
        MOVE_CLOSER(UiText.GUIDE_MOVE_CLOSER),
        MOVE_BACK(UiText.GUIDE_MOVE_BACK),
        MOVE_LEFT(UiText.GUIDE_MOVE_LEFT),
        MOVE_RIGHT(UiText.GUIDE_MOVE_RIGHT),
        MOVE_UP(UiText.GUIDE_MOVE_UP),
        MOVE_DOWN(UiText.GUIDE_MOVE_DOWN);

        private final UiText text;

        Advice(UiText text) {
            this.text = text;
        }

        UiText text() {
            return text;
        }
    }

    /**
     * A face's box in fractions of the frame, unmirrored, as {@link FaceTarget}.
     *
     * @param frameAspect the frame's width over its height
     */
    record FaceBox(double centerX, double centerY, double width, double height, double frameAspect) {
    }

    /** How far the face's centre may be from the target's, in the target's widths and heights. */
    static final double POSITION_TOLERANCE = 0.2;
    /** The tolerances grow by this once the face fits: a fitting face is not lost to a small move. */
    static final double KEEP_FITTING = 1.5;
    static final long STEADY_MS = 400;

    private Advice shown = Advice.SHOW_FACE;
    private Advice candidate = Advice.SHOW_FACE;
    private long candidateSinceMs;

    /** The advice to show now for the face in this frame (empty: no face seen). */
    Advice advise(Optional<FaceBox> face, FaceTarget target, long nowMs) {
        Advice now = face.map(box -> judge(box, target, shown == Advice.FITS ? KEEP_FITTING : 1)).orElse(Advice.SHOW_FACE);
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
     * The first thing to fix, in the order a person fixes it: distance, then sideways, then up or
     * down. Directions are the customer's own: a face at the image's right (the customer's left,
     * as the camera faces them) should move to the customer's right, and the mirrored preview
     * shows it moving right too.
     */
    static Advice judge(FaceBox face, FaceTarget target, double looser) {
        double size = face.width() / target.width();
        if (size < 1 / (1 + target.sizeTolerance() * looser)) {
            return Advice.MOVE_CLOSER;
        }
        if (size > 1 + target.sizeTolerance() * looser) {
            return Advice.MOVE_BACK;
        }
        double sideways = (face.centerX() - target.centerX()) / target.width();
        if (Math.abs(sideways) > POSITION_TOLERANCE * looser) {
            return sideways > 0 ? Advice.MOVE_RIGHT : Advice.MOVE_LEFT;
        }
        double upDown = (face.centerY() - target.centerY()) / target.height(face.frameAspect());
        if (Math.abs(upDown) > POSITION_TOLERANCE * looser) {
            return upDown > 0 ? Advice.MOVE_UP : Advice.MOVE_DOWN;
        }
        return Advice.FITS;
    }
}
