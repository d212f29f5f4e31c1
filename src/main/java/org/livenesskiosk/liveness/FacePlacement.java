package org.livenesskiosk.liveness;

import org.livenesskiosk.vision.FaceMetrics;

/**
 * Where a face lies in its frame, in shares of the frame: what the kiosk's oval judges it by.
 *
 * @param centerX         the face's centre over the frame's width, 0 (image left) … 1, unmirrored
 * @param centerY         the face's centre over the frame's height, 0 (top) … 1
 * @param width           the face's width over the frame's width
 * @param heightOverWidth the face box's height over its width, in pixels
 */
public record FacePlacement(double centerX, double centerY, double width, double heightOverWidth) {

    static FacePlacement of(FaceMetrics face) {
        double heightOverWidth = face.box().width() <= 0 ? 0 : face.box().height() / face.box().width();
        return new FacePlacement(0.5 + face.centerOffsetX(), 0.5 + face.centerOffsetY(), face.relativeSize(),
                heightOverWidth);
    }
}
