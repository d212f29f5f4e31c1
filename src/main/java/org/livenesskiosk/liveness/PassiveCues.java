package org.livenesskiosk.liveness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the passive checks measured over one session, as plain numbers: the rules in
 * {@link PassiveVerdict} decide on them. Every cue reads as live, unsure, an attack, or absent
 * (not measured in this session); {@link #readings()} names them for the fusion.
 *
 * @param texture        the median P(real) of the face's texture over the scored frames
 *                       ({@link TextureSampling}); empty when no frame was scored
 * @param texturedFrames how many frames were scored
 * @param flatness       the median residual, in eye distances, of the best homography between the
 *                       most frontal view of the face and each view turned or nodded at least
 *                       {@link PassiveEvidence#MIN_POSE_CHANGE_DEGREES} from it; empty when the head never moved that far
 * @param flatPairs      how many such pairs of views were measured
 * @param perspective    the far/near stage's perspective cue ({@link Perspective.Cue#ratio()}: about 1 for a real
 *                       face, about 0 for a flat one); empty without the stage, or when the face grew too little
 */
public record PassiveCues(OptionalDouble texture, int texturedFrames, OptionalDouble flatness, int flatPairs,
                          OptionalDouble perspective) {

    /** What one cue says about the session. */
    public enum Reading {
        LIVE, UNSURE, ATTACK, ABSENT
    }

    /** The cues' names in {@link #readings()}. */
    static final String TEXTURE = "TEXTURE";
    static final String SHAPE = "SHAPE";
    static final String PERSPECTIVE = "PERSPECTIVE";

    /** The texture summary needs this many scored frames: one frame is noisy, a median of ten much less so. */
    public static final int MIN_TEXTURED_FRAMES = 10;
    /**
     * The product's texture threshold: a face whose median P(real) reaches it reads as live, and
     * a frame's own score against it is its {@code passiveLive}.
     */
    public static final double TEXTURE_LIVE = 0.5;
    /** Below this median P(real), the texture is a print's or a screen's. */
    static final double TEXTURE_ATTACK = 0.2;
    /** The flatness needs this many pairs of views, so that one landmark slip decides nothing. */
    static final int MIN_FLAT_PAIRS = 3;
    /**
     * A plane is mapped by a homography up to the landmarks' jitter (under 1 % of the eye
     * distance); a head turned or nodded 10° shows its nose tip, about 0.6 eye distances in
     * front of the eyes, some 0.1 eye distances off any plane, and the whole face a few percent:
     * below this, the face moved as a plane.
     */
    static final double FLAT_ATTACK = 0.015;
    /** From this residual on, the face has depth. */
    static final double DEPTH_LIVE = 0.02;

    /** Nothing measured: a session that ended before any frame was fit for the passive checks. */
    public static PassiveCues none() {
        return new PassiveCues(OptionalDouble.empty(), 0, OptionalDouble.empty(), 0, OptionalDouble.empty());
    }

    public Reading textureReading() {
        if (texturedFrames < MIN_TEXTURED_FRAMES || texture.isEmpty()) {
            return Reading.ABSENT;
        }
        double median = texture.getAsDouble();
        return median < TEXTURE_ATTACK ? Reading.ATTACK : median < TEXTURE_LIVE ? Reading.UNSURE : Reading.LIVE;
    }

    public Reading flatnessReading() {
        if (flatPairs < MIN_FLAT_PAIRS || flatness.isEmpty()) {
            return Reading.ABSENT;
        }
        double residual = flatness.getAsDouble();
        return residual < FLAT_ATTACK ? Reading.ATTACK : residual < DEPTH_LIVE ? Reading.UNSURE : Reading.LIVE;
    }

    public Reading perspectiveReading() {
        if (perspective.isEmpty()) {
            return Reading.ABSENT;
        }
        return switch (Perspective.verdict(perspective.getAsDouble())) {
            case LIVE -> Reading.LIVE;
            case UNCERTAIN -> Reading.UNSURE;
            case ATTACK -> Reading.ATTACK;
        };
    }

    /** The same cues with the far/near stage's perspective cue, when the stage gave one. */
    public PassiveCues withPerspective(Optional<Perspective.Cue> cue) {
        return new PassiveCues(texture, texturedFrames, flatness, flatPairs,
                cue.map(found -> OptionalDouble.of(found.ratio())).orElse(OptionalDouble.empty()));
    }

    /** Every cue's reading by the cue's name (as an auditor reads it in a result's reason), texture first. */
    public Map<String, Reading> readings() {
        Map<String, Reading> readings = new LinkedHashMap<>();
        readings.put(TEXTURE, textureReading());
        readings.put(SHAPE, flatnessReading());
        readings.put(PERSPECTIVE, perspectiveReading());
        return readings;
    }
}
