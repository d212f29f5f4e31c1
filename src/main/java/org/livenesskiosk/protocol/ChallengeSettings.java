package org.livenesskiosk.protocol;

import java.util.List;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.LivenessConfig;

/**
 * The challenge the service asks this account's kiosks to put to customers, as the authorization
 * answers it: a fleet is tuned from the service, not kiosk by kiosk.
 *
 * @param actions the action names ({@code BLINK}, {@code MOUTH}, {@code POS_YAW}, {@code NOD})
 * @param level   {@code EASY}, {@code NORMAL} or {@code HARD}
 * @param farNear whether the session begins with the far/near stage
 * @param farNearTimeLimitMs the stage's time limit, 10–60 s (the mobile SDK's {@code timeoutDurationOf3DMode})
 */
public record ChallengeSettings(List<String> actions, boolean shuffle, long actionTimeLimitMs, long prepareTimeLimitMs,
                                String level, boolean farNear, long farNearTimeLimitMs) {

    public ChallengeSettings {
        actions = List.copyOf(actions);
    }

    /**
     * The session's configuration for this challenge. A service naming an action or level this kiosk
     * does not know fails here, loudly, before any customer starts; one that does not know the
     * far/near stage answers without it, and the session has none.
     */
    public LivenessConfig toConfig() {
        return LivenessConfig.defaults()
                .withActions(actions.stream().map(ActionType::valueOf).toList(), shuffle)
                .withTimeLimits(actionTimeLimitMs, prepareTimeLimitMs)
                .withLevel(DetectionLevel.valueOf(level))
                .withFarNear(farNear, farNear ? farNearTimeLimitMs : LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS);
    }

    /** The same challenge with or without the far/near stage. */
    public ChallengeSettings withFarNear(boolean on) {
        return new ChallengeSettings(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, on, farNearTimeLimitMs);
    }

    /**
     * The mobile SDK's defaults: the far/near stage (50 s), then two of blink, mouth and head turn at
     * random, 10 s each, normal level.
     */
    public static ChallengeSettings defaults() {
        return new ChallengeSettings(List.of("BLINK", "MOUTH", "POS_YAW"), true, 10_000, 10_000, "NORMAL", true,
                LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS);
    }
}
