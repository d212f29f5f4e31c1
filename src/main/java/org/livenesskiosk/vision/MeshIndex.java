package org.livenesskiosk.vision;

/**
 * Indices into the 468 FaceMesh landmarks that the metrics use. "Right" is the person's own
 * right, which appears on the image left.
 */
final class MeshIndex {

    static final int RIGHT_EYE_OUTER = 33;
    static final int LEFT_EYE_OUTER = 263;

    /** Eye contour in the order p1…p6 of the eye-aspect-ratio formula: corner, top, top, corner, bottom, bottom. */
    static final int[] RIGHT_EYE = {33, 160, 158, 133, 153, 144};
    static final int[] LEFT_EYE = {362, 385, 387, 263, 373, 380};

    /** Inner-lip pairs (upper, lower) and the inner mouth corners. */
    static final int[][] INNER_LIP_PAIRS = {{82, 87}, {13, 14}, {312, 317}};
    static final int INNER_MOUTH_RIGHT = 78;
    static final int INNER_MOUTH_LEFT = 308;

    private MeshIndex() {
    }
}
