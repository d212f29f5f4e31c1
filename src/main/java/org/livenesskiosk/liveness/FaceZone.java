package org.livenesskiosk.liveness;

/**
 * Where a face must be for the session to count it as placed: a range of sizes and how far its
 * centre may stray, in shares of the frame. The one rule the session's preparation and the kiosk's
 * oval both judge by, so that the oval turns green exactly when the session accepts the face.
 *
 * @param minWidth   the narrowest face over the frame's width
 * @param maxWidth   the widest face over the frame's width
 * @param maxOffsetX how far the face's centre may be from the frame's, over the frame's width
 * @param maxOffsetY how far the face's centre may be from the frame's, over the frame's height
 */
public record FaceZone(double minWidth, double maxWidth, double maxOffsetX, double maxOffsetY) {

    /** How far the centre may stray at the normal level; a stricter level allows less. */
    static final double MAX_CENTER_OFFSET_X = 0.2;
    static final double MAX_CENTER_OFFSET_Y = 0.25;

    /** What is wrong with a face's place, the first thing a person would fix first: distance, sideways, then height. */
    public enum Placement { FITS, TOO_SMALL, TOO_LARGE, IMAGE_LEFT, IMAGE_RIGHT, TOO_HIGH, TOO_LOW }

    /** The zone for faces {@code minWidth} to {@code maxWidth} wide, centred within the level's tolerance. */
    static FaceZone of(double minWidth, double maxWidth, DetectionLevel level) {
        double tolerance = 1 / level.strictness();
        return new FaceZone(minWidth, maxWidth, MAX_CENTER_OFFSET_X * tolerance, MAX_CENTER_OFFSET_Y * tolerance);
    }

    /** Where this face is against the zone (image directions, unmirrored). */
    public Placement judge(FacePlacement face) {
        if (face.width() < minWidth) {
            return Placement.TOO_SMALL;
        }
        if (face.width() > maxWidth) {
            return Placement.TOO_LARGE;
        }
        double sideways = face.centerX() - 0.5;
        if (Math.abs(sideways) > maxOffsetX) {
            return sideways > 0 ? Placement.IMAGE_RIGHT : Placement.IMAGE_LEFT;
        }
        double upDown = face.centerY() - 0.5;
        if (Math.abs(upDown) > maxOffsetY) {
            return upDown > 0 ? Placement.TOO_LOW : Placement.TOO_HIGH;
        }
        return Placement.FITS;
    }
}
