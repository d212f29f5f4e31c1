package org.livenesskiosk.liveness;

import java.util.List;

/**
 * What a liveness session asks of the customer, and how strictly.
 *
 * @param actions              the actions to ask for, in order when not shuffled
 * @param shuffle              ask for every action in an order drawn at random ({@link ActionPlan}); otherwise in the
 *                             order given
 * @param actionTimeLimitMs    how long each action may take
 * @param prepareTimeLimitMs   how long the customer has to stand right before the first action
 * @param level                how much each action must show
 * @param occlusionCheck       whether a face with covered eyes or mouth (FaceMesh unsure of it) is refused in preparation
 * @param resultImageSize      side of the square best image, {@value #MIN_RESULT_IMAGE_SIZE}–{@value #MAX_RESULT_IMAGE_SIZE}
 *                             pixels (the SDK's range; {@value #DEFAULT_RESULT_IMAGE_SIZE} by default)
 * @param minDistanceCm        nearest the customer should stand
 * @param maxDistanceCm        furthest the customer should stand
 * @param cameraFieldOfViewDegrees the camera's horizontal field of view, to turn distance into face size
 * @param farNear              whether the session begins with the far/near stage (the mobile SDK's "3D mode")
 * @param farNearTimeLimitMs   how long the far/near stage may take ({@code timeoutDurationOf3DMode}, 10–60 s)
 * @param light                whether the session ends with the light step: the customer holds still while the screen
 *                             shows the service's colours ({@link LightSequence})
 */
public record LivenessConfig(
        List<ActionType> actions,
        boolean shuffle,
        long actionTimeLimitMs,
        long prepareTimeLimitMs,
        DetectionLevel level,
        boolean occlusionCheck,
        int resultImageSize,
        double minDistanceCm,
        double maxDistanceCm,
        double cameraFieldOfViewDegrees,
        boolean farNear,
        long farNearTimeLimitMs,
        boolean light) {

    public static final int MIN_RESULT_IMAGE_SIZE = 300;
    public static final int MAX_RESULT_IMAGE_SIZE = 1000;
    public static final int DEFAULT_RESULT_IMAGE_SIZE = 600;
    /** The mobile SDK's bounds and default for {@code timeoutDurationOf3DMode}. */
    public static final long MIN_FAR_NEAR_TIME_LIMIT_MS = 10_000;
    public static final long MAX_FAR_NEAR_TIME_LIMIT_MS = 60_000;
    public static final long DEFAULT_FAR_NEAR_TIME_LIMIT_MS = 50_000;
    /** Width of an adult face across the landmarks, temple to temple. */
    private static final double FACE_WIDTH_CM = 15;

    public LivenessConfig {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("at least one action must be asked for");
        }
        if (actions.size() != actions.stream().distinct().count()) {
            throw new IllegalArgumentException("each action may be asked for once: " + actions);
        }
        if (actionTimeLimitMs <= 0 || prepareTimeLimitMs <= 0) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (!validResultImageSize(resultImageSize)) {
            throw new IllegalArgumentException("the result image is " + MIN_RESULT_IMAGE_SIZE + " to " + MAX_RESULT_IMAGE_SIZE
                    + " pixels square, not " + resultImageSize);
        }
        if (minDistanceCm <= 0 || maxDistanceCm <= minDistanceCm) {
            throw new IllegalArgumentException("the distance range must be positive and not empty");
        }
        if (cameraFieldOfViewDegrees <= 0 || cameraFieldOfViewDegrees >= 180) {
            throw new IllegalArgumentException("the camera's field of view is between 0 and 180 degrees");
        }
        if (farNearTimeLimitMs < MIN_FAR_NEAR_TIME_LIMIT_MS || farNearTimeLimitMs > MAX_FAR_NEAR_TIME_LIMIT_MS) {
            throw new IllegalArgumentException("the far/near stage's time limit is 10 to 60 s, not " + farNearTimeLimitMs + " ms");
        }
    }

    /**
     * The far/near stage (50 s), then blink, mouth and head turn in that order; 10 s each; a 600-pixel
     * best image; a kiosk's 40–80 cm; no light step (the service's challenge asks for it).
     */
    public static LivenessConfig defaults() {
        return new LivenessConfig(List.of(ActionType.BLINK, ActionType.MOUTH, ActionType.POS_YAW), false,
                10_000, 10_000, DetectionLevel.NORMAL, true, DEFAULT_RESULT_IMAGE_SIZE, 40, 80, 60, true,
                DEFAULT_FAR_NEAR_TIME_LIMIT_MS, false);
    }

    /** Whether the SDK takes this side for its best image. */
    public static boolean validResultImageSize(int size) {
        return size >= MIN_RESULT_IMAGE_SIZE && size <= MAX_RESULT_IMAGE_SIZE;
    }

    public LivenessConfig withActions(List<ActionType> actions, boolean shuffle) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees, farNear, farNearTimeLimitMs, light);
    }

    public LivenessConfig withTimeLimits(long actionTimeLimitMs, long prepareTimeLimitMs) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees, farNear, farNearTimeLimitMs, light);
    }

    public LivenessConfig withLevel(DetectionLevel level) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees, farNear, farNearTimeLimitMs, light);
    }

    public LivenessConfig withResultImageSize(int resultImageSize) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees, farNear, farNearTimeLimitMs, light);
    }

    public LivenessConfig withDistance(double minDistanceCm, double maxDistanceCm) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees, farNear, farNearTimeLimitMs, light);
    }

    /** With or without the far/near stage, and its time limit. */
    public LivenessConfig withFarNear(boolean farNear, long farNearTimeLimitMs) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees, farNear, farNearTimeLimitMs, light);
    }

    /** With or without the light step at the end. */
    public LivenessConfig withLight(boolean light) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees, farNear, farNearTimeLimitMs, light);
    }

    /** Face width over frame width at the far end of the distance range: the far/near stage's far target. */
    public double farFaceSize() {
        return relativeFaceSizeAt(maxDistanceCm);
    }

    /** Face width over frame width at the near end of the distance range: the far/near stage's near target, leaning in. */
    public double nearFaceSize() {
        return relativeFaceSizeAt(minDistanceCm);
    }

    /** Face width over frame width of a face at the given distance. */
    public double relativeFaceSizeAt(double distanceCm) {
        double frameWidthCm = 2 * distanceCm * Math.tan(Math.toRadians(cameraFieldOfViewDegrees / 2));
        return FACE_WIDTH_CM / frameWidthCm;
    }
}
