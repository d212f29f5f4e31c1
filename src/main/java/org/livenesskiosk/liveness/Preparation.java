package org.livenesskiosk.liveness;

import java.util.Optional;

import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.FrameAnalysis;

/**
 * Whether a frame shows the customer ready for the actions: exactly one face, well lit, at the
 * right distance, centred, uncovered and looking at the camera (whether the face stays in place
 * is the session's to judge, over time). Each shortfall is the prompt that fixes it, in the order a
 * person would fix them.
 */
final class Preparation {

    static final double MAX_FRONTAL_DEGREES = 15;
    static final double MIN_BRIGHTNESS = 60;
    static final double MAX_UNDER_EXPOSED_SHARE = 0.4;
    static final double MAX_BRIGHTNESS = 190;
    static final double MAX_OVER_EXPOSED_SHARE = 0.15;
    static final double MIN_PRESENCE = 0.9;

    private final LivenessConfig config;
    private final double tolerance;
    private final FaceZone zone;

    Preparation(LivenessConfig config) {
        this(config, config.farFaceSize(), config.nearFaceSize());
    }

    /** The same rules with the face's size held to another range (the far/near stage's). */
    Preparation(LivenessConfig config, double minRelativeSize, double maxRelativeSize) {
        this.config = config;
        this.tolerance = 1 / config.level().strictness();
        this.zone = FaceZone.of(minRelativeSize, maxRelativeSize, config.level());
    }

    /** Where this stage wants the face: what the kiosk's oval judges by too. */
    FaceZone zone() {
        return zone;
    }

    /** The first shortfall of this frame, or empty when the customer is ready. */
    Optional<Prompt> shortfall(FrameAnalysis frame) {
        if (frame.faceCount() == 0 || frame.mainFace().isEmpty()) {
            return Optional.of(Prompt.LOOK_AT_CAMERA);
        }
        if (frame.faceCount() > 1) {
            return Optional.of(Prompt.ONLY_ONE_PERSON);
        }
        FaceMetrics face = frame.mainFace().get().metrics();
        // Light first: in the dark or in glare nothing else can be judged well, and it is what to fix.
        if (isDark(face)) {
            return Optional.of(Prompt.MORE_LIGHT);
        }
        if (isBlownOut(face)) {
            return Optional.of(Prompt.LESS_LIGHT);
        }
        Optional<Prompt> placement = switch (zone.judge(FacePlacement.of(face))) {
            case FITS -> Optional.empty();
            case TOO_SMALL -> Optional.of(Prompt.MOVE_CLOSER);
            case TOO_LARGE -> Optional.of(Prompt.MOVE_BACK);
            default -> Optional.of(Prompt.CENTER_FACE);
        };
        if (placement.isPresent()) {
            return placement;
        }
        if (config.occlusionCheck() && face.presence() < MIN_PRESENCE) {
            return Optional.of(Prompt.UNCOVER_FACE);
        }
        if (Math.abs(face.pose().yawDegrees()) > MAX_FRONTAL_DEGREES * tolerance
                || Math.abs(face.pose().pitchDegrees()) > MAX_FRONTAL_DEGREES * tolerance) {
            return Optional.of(Prompt.LOOK_STRAIGHT);
        }
        return Optional.empty();
    }

    static boolean isDark(FaceMetrics face) {
        return face.exposure().brightness() < MIN_BRIGHTNESS || face.exposure().underExposedShare() > MAX_UNDER_EXPOSED_SHARE;
    }

    static boolean isBlownOut(FaceMetrics face) {
        return face.exposure().brightness() > MAX_BRIGHTNESS || face.exposure().overExposedShare() > MAX_OVER_EXPOSED_SHARE;
    }
}
