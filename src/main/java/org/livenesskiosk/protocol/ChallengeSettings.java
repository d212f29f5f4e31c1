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
 */
public record ChallengeSettings(List<String> actions, boolean shuffle, long actionTimeLimitMs, long prepareTimeLimitMs,
                                String level) {

    public ChallengeSettings {
        actions = List.copyOf(actions);
    }

    /**
     * The session's configuration for this challenge. A service naming an action or level this kiosk
     * does not know fails here, loudly, before any customer starts.
     */
    public LivenessConfig toConfig() {
        return LivenessConfig.defaults()
                .withActions(actions.stream().map(ActionType::valueOf).toList(), shuffle)
                .withTimeLimits(actionTimeLimitMs, prepareTimeLimitMs)
                .withLevel(DetectionLevel.valueOf(level));
    }

    /** The mobile SDK's defaults: two of blink, mouth and head turn at random, 10 s each, normal level. */
    public static ChallengeSettings defaults() {
        return new ChallengeSettings(List.of("BLINK", "MOUTH", "POS_YAW"), true, 10_000, 10_000, "NORMAL");
    }
}
