package org.livenesskiosk.vision;

import java.util.Arrays;

/**
 * FaceMesh's 468 landmarks in frame pixels, with a relative depth per point (same scale as x,
 * smaller is nearer the camera), and the model's confidence that a face is there at all.
 */
public final class FaceLandmarks {

    public static final int COUNT = 468;

    private final float[] xyz;
    private final double presence;

    public FaceLandmarks(float[] xyz, double presence) {
        if (xyz.length != 3 * COUNT) {
            throw new IllegalArgumentException("expected " + 3 * COUNT + " coordinates, got " + xyz.length);
        }
        this.xyz = xyz.clone();
        this.presence = presence;
    }

    public double x(int index) {
        return xyz[3 * index];
    }

    public double y(int index) {
        return xyz[3 * index + 1];
    }

    public double z(int index) {
        return xyz[3 * index + 2];
    }

    public Point2 point(int index) {
        return new Point2(x(index), y(index));
    }

    /** Face presence score, 0–1: low when the tracked region no longer holds a face. */
    public double presence() {
        return presence;
    }

    /** The axis-aligned box around all landmarks. */
    public Box bounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < COUNT; i++) {
            minX = Math.min(minX, x(i));
            maxX = Math.max(maxX, x(i));
            minY = Math.min(minY, y(i));
            maxY = Math.max(maxY, y(i));
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FaceLandmarks that && presence == that.presence && Arrays.equals(xyz, that.xyz);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xyz) + Double.hashCode(presence);
    }
}
