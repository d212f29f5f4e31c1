package org.livenesskiosk.vision;

/**
 * Head orientation in degrees, as seen in the (unmirrored) image.
 *
 * @param yawDegrees   positive when the nose points toward the image right (the person turns to their own left)
 * @param pitchDegrees positive when the nose points up (head raised), negative when lowered
 * @param rollDegrees  positive when the eye line tilts clockwise in the image
 */
public record HeadPose(double yawDegrees, double pitchDegrees, double rollDegrees) {
}
