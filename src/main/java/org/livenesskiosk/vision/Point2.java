package org.livenesskiosk.vision;

/** A point in frame pixel coordinates (x to the right, y down). */
public record Point2(double x, double y) {

    public double distanceTo(Point2 other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}
