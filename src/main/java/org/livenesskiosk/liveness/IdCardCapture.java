package org.livenesskiosk.liveness;

import java.util.Comparator;
import java.util.Optional;

import org.livenesskiosk.vision.Box;
import org.livenesskiosk.vision.CardView;

/**
 * The operator's "Check ID photo": from what each frame shows inside the guide rectangle, the one
 * instruction the customer holding their card needs now, until the card's portrait has been steady,
 * sharp and free of glare long enough to be captured. Pure: frames in, guidance out; the kiosk cuts
 * the portrait out of the frame that captured it. Not thread-safe: one capture, one thread.
 */
public final class IdCardCapture {

    /** What the customer is told, in the order the checks run. */
    public enum Guidance {
        /** No face inside the rectangle: no card, or its portrait not toward the camera. */
        NO_CARD,
        /**
         * The portrait touches the rectangle's edge, or no card's outline is seen around it: the card
         * is partly outside the rectangle, or what is held is not a card.
         */
        INTO_RECTANGLE,
        /** The portrait is too small for the service to say who it is. */
        MOVE_CLOSER,
        /** Light reflected on the card hides part of it. */
        GLARE,
        /** The card is out of focus or moving. */
        BLUR,
        /** All is well: keep the card where it is a moment longer. */
        HOLD_STILL,
        CAPTURED
    }

    /**
     * One frame's judgement.
     *
     * @param portrait where the card's portrait is in the frame that captured it; empty before
     */
    public record Step(Guidance guidance, Optional<Box> portrait) {
    }

    /** The guide's width as a share of the frame's: a card held about 30 cm from a kiosk's camera fills it. */
    public static final double GUIDE_WIDTH = 0.6;
    /** The guide's proportions: the card's, as the meter looks for its outline (for the screens, which do not see the meter). */
    public static final double CARD_ASPECT = CardView.CARD_ASPECT;
    /**
     * The narrowest portrait face captured: the service compares faces 64 pixels wide or more, and
     * the detector's box is a little wider than the face the service measures.
     */
    static final double MIN_FACE_PIXELS = 80;
    /**
     * The widest face taken for a card's portrait, as a share of the rectangle's width: an ID-1 card's portrait is a
     * quarter to a third of the card's width, while the customer's own face held up in the rectangle is wider.
     */
    static final double MAX_PORTRAIT_SHARE = 0.45;
    /** A portrait nearer the rectangle's edge than this share of its width is taken as cut by it. */
    static final double EDGE_MARGIN = 0.02;
    /** Above this share of saturated pixels the glare hides print or face; a matt card under a kiosk's light has none. */
    static final double MAX_GLARE = 0.03;
    /** Below this variance of the Laplacian the card's small print is smeared (the usual threshold for 8-bit pictures is 100). */
    static final double MIN_SHARPNESS = 60;
    /** How long the portrait must stay good and in place before it is captured. */
    static final long HOLD_MS = 500;
    /** How far the portrait's centre may move between frames, as a share of its width, and still count as held. */
    static final double MAX_MOVE = 0.08;

    private Box heldPortrait;
    private long heldSinceMs;
    private Step captured;

    /** The guide rectangle the card is held in, centred, in a frame of this size: what the customer is shown and what is measured. */
    public static Box guide(int frameWidth, int frameHeight) {
        double width = guideWidth(frameWidth, frameHeight);
        double height = width / CARD_ASPECT;
        return new Box(Math.floor((frameWidth - width) / 2), Math.floor((frameHeight - height) / 2), Math.floor(width),
                Math.floor(height));
    }

    /** The guide rectangle's width in a picture of this size (its height is the card's: {@link #CARD_ASPECT}). */
    public static double guideWidth(double width, double height) {
        return Math.min(width * GUIDE_WIDTH, height * 0.9 * CARD_ASPECT);
    }

    /** Judges one frame, at its time in the camera's clock; once captured, every later frame answers the same capture. */
    public Step next(CardView view, long timestampMs) {
        if (captured != null) {
            return captured;
        }
        Guidance guidance = guidance(view);
        if (guidance != Guidance.HOLD_STILL) {
            heldPortrait = null;
            return new Step(guidance, Optional.empty());
        }
        Box portrait = portrait(view).orElseThrow();
        if (heldPortrait == null || moved(heldPortrait, portrait)) {
            heldSinceMs = timestampMs;
        }
        heldPortrait = portrait;
        if (timestampMs - heldSinceMs >= HOLD_MS) {
            captured = new Step(Guidance.CAPTURED, Optional.of(portrait));
            return captured;
        }
        return new Step(Guidance.HOLD_STILL, Optional.empty());
    }

    private static Guidance guidance(CardView view) {
        Optional<Box> portrait = portrait(view);
        if (portrait.isEmpty()) {
            return Guidance.NO_CARD;
        }
        if (nearEdge(portrait.get(), view.guide()) || view.card().filter(card -> inside(portrait.get(), card)).isEmpty()) {
            return Guidance.INTO_RECTANGLE;
        }
        if (portrait.get().width() < MIN_FACE_PIXELS) {
            return Guidance.MOVE_CLOSER;
        }
        if (view.glare() > MAX_GLARE) {
            return Guidance.GLARE;
        }
        if (view.sharpness() < MIN_SHARPNESS) {
            return Guidance.BLUR;
        }
        return Guidance.HOLD_STILL;
    }

    /** The largest face of a card portrait's size: some cards also print a small ghost image of the portrait. */
    private static Optional<Box> portrait(CardView view) {
        return view.faces().stream().filter(face -> face.width() <= MAX_PORTRAIT_SHARE * view.guide().width())
                .max(Comparator.comparingDouble(Box::area));
    }

    private static boolean nearEdge(Box face, Box guide) {
        double margin = guide.width() * EDGE_MARGIN;
        return face.x() < guide.x() + margin || face.y() < guide.y() + margin
                || face.x() + face.width() > guide.x() + guide.width() - margin
                || face.y() + face.height() > guide.y() + guide.height() - margin;
    }

    /** The portrait lies on the card: a face beside a card-shaped thing is not its portrait. */
    private static boolean inside(Box face, Box card) {
        return card.contains(face.x(), face.y()) && card.contains(face.x() + face.width(), face.y() + face.height());
    }

    private static boolean moved(Box before, Box now) {
        return Math.hypot(now.centerX() - before.centerX(), now.centerY() - before.centerY()) > MAX_MOVE * now.width();
    }
}
