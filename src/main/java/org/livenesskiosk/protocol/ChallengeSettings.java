package org.livenesskiosk.protocol;

import java.util.List;
import java.util.Random;

import org.livenesskiosk.liveness.ActionPlan;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.LivenessConfig;

/**
 * The challenge the service asks this account's kiosks to put to customers, as the authorization
 * answers it: a fleet is tuned from the service, not kiosk by kiosk. The actions mean what the
 * mobile SDK's {@code setActionSequence(shuffle, actions)} means: the actions given, in their
 * order or shuffled; none given, the SDK's default (two of blink, mouth and head turn at random,
 * the head turn last).
 *
 * @param actions            the action names ({@code BLINK}, {@code MOUTH}, {@code POS_YAW}, {@code NOD}); empty for
 *                           the SDK's default
 * @param shuffle            ask for the actions given in an order drawn at random
 * @param level              {@code EASY}, {@code NORMAL} or {@code HARD}
 * @param resultImageSize    the side of the square best image in pixels, 300–1000
 * @param farNear            whether the session begins with the far/near stage
 * @param farNearTimeLimitMs the stage's time limit, 10–60 s (the mobile SDK's {@code timeoutDurationOf3DMode})
 * @param light              whether the session ends with the light step (the screen's colours, which the face must answer)
 * @param unlitVerified      whether a session whose screen showed no colours (flashes off for a photosensitive customer)
 *                           may be verified on its other checks; otherwise a person looks at it
 */
public record ChallengeSettings(List<String> actions, boolean shuffle, long actionTimeLimitMs, long prepareTimeLimitMs,
                                String level, int resultImageSize, boolean farNear, long farNearTimeLimitMs, boolean light,
                                boolean unlitVerified) {

    public ChallengeSettings {
        actions = List.copyOf(actions);
    }

    /** A challenge without the light step. */
    public ChallengeSettings(List<String> actions, boolean shuffle, long actionTimeLimitMs, long prepareTimeLimitMs, String level,
                             int resultImageSize, boolean farNear, long farNearTimeLimitMs) {
        this(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, resultImageSize, farNear, farNearTimeLimitMs, false,
                false);
    }

    /**
     * The session's configuration for this challenge (the SDK's default actions stand for none).
     * A service naming an action, level or size this kiosk does not take fails here, loudly, before
     * any customer starts; one that does not know the far/near stage answers without it, and the
     * session has none.
     */
    public LivenessConfig toConfig() {
        LivenessConfig defaults = LivenessConfig.defaults();
        return defaults
                .withActions(actions.isEmpty() ? defaults.actions() : actions.stream().map(ActionType::valueOf).toList(), shuffle)
                .withTimeLimits(actionTimeLimitMs, prepareTimeLimitMs)
                .withLevel(DetectionLevel.valueOf(level))
                .withResultImageSize(resultImageSize)
                .withFarNear(farNear, farNear ? farNearTimeLimitMs : LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS)
                .withLight(light);
    }

    /** One customer's plan: the actions given, in order or shuffled, or the SDK's default when none are. */
    public List<ActionType> plan(Random random) {
        return actions.isEmpty() ? ActionPlan.sdkDefault(random) : ActionPlan.of(toConfig(), random);
    }

    /** The same challenge asking for these actions, in this order. */
    public ChallengeSettings withActions(List<String> asked) {
        return new ChallengeSettings(asked, false, actionTimeLimitMs, prepareTimeLimitMs, level, resultImageSize, farNear,
                farNearTimeLimitMs, light, unlitVerified);
    }

    /** The same challenge with or without the far/near stage. */
    public ChallengeSettings withFarNear(boolean on) {
        return new ChallengeSettings(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, resultImageSize, on,
                farNearTimeLimitMs, light, unlitVerified);
    }

    /** The same challenge with or without the light step. */
    public ChallengeSettings withLight(boolean on) {
        return new ChallengeSettings(actions, shuffle, actionTimeLimitMs, prepareTimeLimitMs, level, resultImageSize, farNear,
                farNearTimeLimitMs, on, unlitVerified);
    }

    /**
     * The mobile SDK's defaults: the far/near stage (50 s), then two of blink, mouth and head turn at
     * random (the turn last), 10 s each, normal level, 600 pixels; then this kiosk's light step, a
     * session without it left to a person.
     */
    public static ChallengeSettings defaults() {
        return new ChallengeSettings(List.of(), false, 10_000, 10_000, "NORMAL", LivenessConfig.DEFAULT_RESULT_IMAGE_SIZE, true,
                LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS, true, false);
    }
}
