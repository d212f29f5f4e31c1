package org.livenesskiosk.vision;

/**
 * How the face region is lit and focused.
 *
 * @param brightness         mean grey level of the face region, 0–255
 * @param underExposedShare  share of face pixels too dark to carry detail (grey below 40)
 * @param overExposedShare   share of face pixels blown out (grey above 235)
 * @param sharpness          variance of the Laplacian of the face scaled to a fixed size: low when blurred
 */
public record FaceExposure(double brightness, double underExposedShare, double overExposedShare, double sharpness) {
}
