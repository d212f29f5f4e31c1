package org.livenesskiosk.liveness;

import java.util.List;

/**
 * What a liveness session asks of the customer, and how strictly.
 *
 * @param actions              the actions to choose from, in order when not shuffled
 * @param shuffle              pick {@link #SHUFFLED_ACTION_COUNT} of the actions at random, a head turn always last
 *                             (the iOS SDK's default); otherwise ask for every action in order
 * @param actionTimeLimitMs    how long each action may take
 * @param prepareTimeLimitMs   how long the customer has to stand right before the first action
 * @param level                how much each action must show
 * @param occlusionCheck       whether a face with covered eyes or mouth (FaceMesh unsure of it) is refused in preparation
 * @param resultImageSize      side of the square best image, 300–1000 pixels
 * @param minDistanceCm        nearest the customer should stand
 * @param maxDistanceCm        furthest the customer should stand
 * @param cameraFieldOfViewDegrees the camera's horizontal field of view, to turn distance into face size
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
        double cameraFieldOfViewDegrees) {

    public static final int SHUFFLED_ACTION_COUNT = 2;
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
        if (resultImageSize < 300 || resultImageSize > 1000) {
            throw new IllegalArgumentException("the result image is 300 to 1000 pixels square, not " + resultImageSize);
        }
        if (minDistanceCm <= 0 || maxDistanceCm <= minDistanceCm) {
            throw new IllegalArgumentException("the distance range must be positive and not empty");
        }
        if (cameraFieldOfViewDegrees <= 0 || cameraFieldOfViewDegrees >= 180) {
            throw new IllegalArgumentException("the camera's field of view is between 0 and 180 degrees");
        }
    }

    /** Blink, mouth and head turn, two of them at random with the turn last; 10 s each; a kiosk's 40–80 cm. */
    public static LivenessConfig defaults() {
        return new LivenessConfig(List.of(ActionType.BLINK, ActionType.MOUTH, ActionType.POS_YAW), true,
                10_000, 10_000, DetectionLevel.NORMAL, true, 600, 40, 80, 60);
    }

    public LivenessConfig withActions(List<ActionType> actions, boolean shuffle) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees);
    }

    public LivenessConfig withTimeLimits(long actionTimeLimitMs, long prepareTimeLimitMs) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees);
    }

    public LivenessConfig withLevel(DetectionLevel level) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees);
    }

    public LivenessConfig withDistance(double minDistanceCm, double maxDistanceCm) {
        return new LivenessConfig(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, occlusionCheck,
                resultImageSize, minDistanceCm, maxDistanceCm, cameraFieldOfViewDegrees);
    }

    /** Face width over frame width of a face at the given distance. */
    public double relativeFaceSizeAt(double distanceCm) {
        double frameWidthCm = 2 * distanceCm * Math.tan(Math.toRadians(cameraFieldOfViewDegrees / 2));
        return FACE_WIDTH_CM / frameWidthCm;
    }
}
