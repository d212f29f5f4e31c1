package org.livenesskiosk.vision;

/** An axis-aligned rectangle in frame pixel coordinates. */
public record Box(double x, double y, double width, double height) {

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public double area() {
        return Math.max(0, width) * Math.max(0, height);
    }

    public boolean contains(double pointX, double pointY) {
        return pointX >= x && pointX <= x + width && pointY >= y && pointY <= y + height;
    }

    /** Intersection over union, 0 for disjoint boxes. */
    public double iou(Box other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(x + width, other.x + other.width);
        double bottom = Math.min(y + height, other.y + other.height);
        double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /** This box in a frame {@code factor} times the size of this one's. */
    public Box scaled(double factor) {
        return new Box(x * factor, y * factor, width * factor, height * factor);
    }

    /** The part of this box inside a frame of the given size (possibly empty). */
    public Box clippedTo(int frameWidth, int frameHeight) {
        double left = Math.max(0, x);
        double top = Math.max(0, y);
        double right = Math.min(frameWidth, x + width);
        double bottom = Math.min(frameHeight, y + height);
        return new Box(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }
}
